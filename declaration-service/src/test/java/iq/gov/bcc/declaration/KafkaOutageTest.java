package iq.gov.bcc.declaration;

import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.declaration;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.KafkaBroker;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.TestInfrastructure;
import iq.gov.bcc.localstack.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** With the broker down, crossings keep filing; when it is back every accepted fact arrives once. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class KafkaOutageTest {

    @Test
    void writesSucceedWhileKafkaIsDownAndEveryEventIsDeliveredOnceWhenItReturns() {
        KafkaBroker kafka = TestInfrastructure.kafka();
        Set<String> accepted = new HashSet<>();
        kafka.stopBroker();
        try {
            for (int i = 0; i < 40; i++) {
                String id = Samples.file(declaration(i % 2 == 0 ? "SHL" : "SFW"));
                accepted.add(id);
                if (i % 4 == 0) {
                    as(i % 2 == 0 ? "SHL" : "SFW").body(java.util.Map.of("releasedAt", Samples.now()))
                            .post("/api/v1/declarations/" + id + "/release").then().statusCode(200);
                }
            }
            assertThat(TestInfrastructure.postgres().psql("bcc_declaration",
                    "SELECT count(*) FROM outbox_event")).isNotEqualTo("0");
        } finally {
            kafka.restart();
        }

        List<ConsumerRecord<String, String>> delivered = Topics.read("bcc.declarations.v1",
                r -> accepted.contains(r.key()), 50, Duration.ofSeconds(90));
        assertThat(delivered).hasSize(50);
        List<String> eventIds = new ArrayList<>();
        for (ConsumerRecord<String, String> r : delivered) {
            eventIds.add(JsonPath.from(r.value()).getString("id"));
        }
        assertThat(new HashSet<>(eventIds)).as("no duplicates").hasSize(50);
        assertThat(delivered.stream().map(ConsumerRecord::key).collect(Collectors.toSet())).isEqualTo(accepted);
        // Per declaration the filing precedes the release.
        for (String id : accepted) {
            List<String> types = delivered.stream().filter(r -> r.key().equals(id))
                    .map(r -> JsonPath.from(r.value()).getString("type")).toList();
            assertThat(types.get(0)).isEqualTo("iq.bcc.declaration.filed.v1");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(
                TestInfrastructure.postgres().psql("bcc_declaration", "SELECT count(*) FROM outbox_event")));
    }
}
