package iq.gov.bcc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The hash chain notices a row altered behind the service's back; poison events go to the dead-letter topic. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class LedgerTest {

    static Connection database() throws Exception {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Test
    void anAlteredEntryBreaksTheChainAtItsSequence() throws Exception {
        Events.Declaration d = new Events.Declaration();
        d.file();
        Audit.awaitFacts(d.id, 1);
        Audit.as("auditor").get("/api/v1/ledger/verify").then().statusCode(200).body("intact", equalTo(true));

        try (Connection db = database()) {
            long sequence;
            String original;
            try (PreparedStatement find = db.prepareStatement(
                    "SELECT sequence, entry FROM ledger_entry WHERE entry LIKE ? ORDER BY sequence LIMIT 1")) {
                find.setString(1, "%" + d.id + "%");
                ResultSet row = find.executeQuery();
                assertThat(row.next()).isTrue();
                sequence = row.getLong(1);
                original = row.getString(2);
            }
            try (PreparedStatement tamper = db.prepareStatement("UPDATE ledger_entry SET entry = ? WHERE sequence = ?")) {
                tamper.setString(1, original.replace("BSR 12345", "BSR 99999"));
                tamper.setLong(2, sequence);
                assertThat(tamper.executeUpdate()).isEqualTo(1);
            }
            JsonPath broken = Audit.as("auditor").get("/api/v1/ledger/verify").then().statusCode(200).extract().jsonPath();
            assertThat(broken.getBoolean("intact")).isFalse();
            assertThat(broken.getLong("firstBrokenSequence")).isEqualTo(sequence);
            assertThat(broken.getLong("verifiedEntries")).isEqualTo(sequence - 1);

            try (PreparedStatement restore = db.prepareStatement("UPDATE ledger_entry SET entry = ? WHERE sequence = ?")) {
                restore.setString(1, original);
                restore.setLong(2, sequence);
                restore.executeUpdate();
            }
        }
        Audit.as("auditor").get("/api/v1/ledger/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void decisionsAreInTheLedger() throws Exception {
        String id = DecisionsTest.underpayment("2593800.000", "2000000.000");
        DecisionsTest.decide("auditor", id, "REVIEW", "ledger check").then().statusCode(201);
        try (Connection db = database(); PreparedStatement find = db.prepareStatement(
                "SELECT count(*) FROM ledger_entry WHERE entry LIKE ? AND entry LIKE '%\"kind\":\"decision\"%'")) {
            find.setString(1, "%" + id + "%");
            ResultSet row = find.executeQuery();
            row.next();
            assertThat(row.getInt(1)).isEqualTo(1);
        }
        Audit.as("auditor").get("/api/v1/ledger/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aPoisonEventGoesToTheDeadLetterTopicWithItsReason() {
        String marker = "not a cloud event " + UUID.randomUUID();
        Topics.write(Events.PAYMENTS, "poison", marker);
        List<ConsumerRecord<String, String>> dead = Topics.read("bcc.deadletter.audit-service.v1",
                r -> marker.equals(r.value()), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).headers().lastHeader("dead-letter-reason")).isNotNull();
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not JSON");

        // the consumer goes on with the next record
        Events.Declaration d = new Events.Declaration();
        d.write(Events.PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1.000", "IQD", true, Events.daytime()));
        Audit.awaitFacts(d.id, 1);
    }

    @Test
    void anEventWhoseTimeIsNotADateTimeGoesToTheDeadLetterTopicAndLeavesNothing() throws Exception {
        Events.Declaration d = new Events.Declaration();
        String weighed = d.weighed(20_000, Events.daytime());
        String poison = weighed.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"yesterday at noon\"");
        assertThat(poison).isNotEqualTo(weighed);
        Topics.write(Events.DECLARATIONS, d.id.toString(), poison);

        List<ConsumerRecord<String, String>> dead = Topics.read("bcc.deadletter.audit-service.v1",
                r -> poison.equals(r.value()), 1, Duration.ofSeconds(60));
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("time must be an ISO-8601 date-time with offset, got 'yesterday at noon'");
        try (Connection db = database(); PreparedStatement facts = db.prepareStatement(
                "SELECT count(*) FROM correlation_fact WHERE declaration_id = ?")) {
            facts.setObject(1, d.id);
            ResultSet row = facts.executeQuery();
            row.next();
            assertThat(row.getInt(1)).isZero();
        }
    }

    @Test
    void aPoisonRecordAmongGoodOnesInOnePollLeavesTheGoodOnesConsumedOnce() throws Exception {
        Events.Declaration d = new Events.Declaration();
        String marker = "poison among good events " + UUID.randomUUID();
        String filed = d.filed();
        // One key, one partition: the consumer is likely to take these in a single poll.
        String key = d.id.toString();
        Topics.write(Events.DECLARATIONS, key, filed);
        Topics.write(Events.DECLARATIONS, key, d.weighed(20_000, Events.daytime()));
        Topics.write(Events.DECLARATIONS, key, marker);
        Topics.write(Events.DECLARATIONS, key, filed);
        Topics.write(Events.DECLARATIONS, key, d.inspected("PHYSICAL", Events.daytime()));

        List<ConsumerRecord<String, String>> dead = Topics.read("bcc.deadletter.audit-service.v1",
                r -> marker.equals(r.value()), 1, Duration.ofSeconds(60));
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("not JSON");
        assertThat(new String(dead.get(0).headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo(Events.DECLARATIONS);
        JsonPath story = Audit.awaitFacts(d.id, 3);
        assertThat(story.getList("timeline")).hasSize(3);
        try (Connection db = database(); PreparedStatement facts = db.prepareStatement(
                "SELECT count(*) FROM correlation_fact WHERE declaration_id = ?")) {
            facts.setObject(1, d.id);
            ResultSet row = facts.executeQuery();
            row.next();
            assertThat(row.getInt(1)).as("the repeated filing is stored once").isEqualTo(3);
        }
        Audit.as("auditor").get("/api/v1/ledger/verify").then().statusCode(200).body("intact", equalTo(true));
    }
}
