package iq.gov.bcc.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    /**
     * A batch that commits while the chain is being verified is newer than the verification, not a break.
     * The test holds the head table locked, lets the verification run into the lock, appends a correctly
     * chained entry in that same transaction and commits it: the verification goes on after the commit.
     */
    @Test
    void anEntryCommittedWhileVerifyingIsNotABreak() throws Exception {
        Events.Declaration d = new Events.Declaration();
        d.file();
        Audit.awaitFacts(d.id, 1);
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (var lock = db.createStatement()) {
                lock.execute("LOCK TABLE ledger_head IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<JsonPath> verification = CompletableFuture.supplyAsync(
                    () -> Audit.as("auditor").get("/api/v1/ledger/verify").then().statusCode(200).extract().jsonPath());
            await().atMost(Audit.PATIENCE).until(() -> verificationWaitsForTheHead());

            long sequence;
            String previous;
            try (PreparedStatement head = db.prepareStatement("SELECT last_sequence, last_hash FROM ledger_head WHERE id = 1");
                    ResultSet row = head.executeQuery()) {
                row.next();
                sequence = row.getLong(1) + 1;
                previous = row.getString(2);
            }
            String entry = "{\"kind\":\"test\",\"note\":\"committed while the chain is verified\"}";
            String hash = sha256(previous + "\n" + sequence + "\n" + entry);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO ledger_entry "
                    + "(sequence, entry, previous_hash, hash, recorded_at) VALUES (?, ?, ?, ?, now())");
                    PreparedStatement head = db.prepareStatement(
                            "UPDATE ledger_head SET last_sequence = ?, last_hash = ? WHERE id = 1")) {
                insert.setLong(1, sequence);
                insert.setString(2, entry);
                insert.setString(3, previous);
                insert.setString(4, hash);
                insert.executeUpdate();
                head.setLong(1, sequence);
                head.setString(2, hash);
                head.executeUpdate();
            }
            db.commit();

            JsonPath report = verification.get(60, TimeUnit.SECONDS);
            assertThat(report.getBoolean("intact")).as(report.prettify()).isTrue();
            assertThat(report.getLong("verifiedEntries")).isGreaterThanOrEqualTo(sequence - 1);
        }
        Audit.as("auditor").get("/api/v1/ledger/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    /** Whether the verification's plain read of the head (writers read it FOR UPDATE) is waiting for a lock. */
    private static boolean verificationWaitsForTheHead() throws Exception {
        try (Connection db = database(); PreparedStatement waiting = db.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND query LIKE '%FROM ledger_head%' AND query NOT LIKE '%FOR UPDATE%' "
                + "AND pid <> pg_backend_pid()"); ResultSet row = waiting.executeQuery()) {
            row.next();
            return row.getInt(1) > 0;
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
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
