package iq.gov.bcc.declaration;

import static iq.gov.bcc.declaration.Samples.declaration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service started while its Kafka address cannot even be resolved (a DNS record not there yet, a
 * mistyped host) starts, takes writes into the outbox, and says why they wait in its wellness check.
 */
@QuarkusTest
@TestProfile(KafkaUnreachableAtStartTest.UnresolvableKafka.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class KafkaUnreachableAtStartTest {

    /** .invalid never resolves (RFC 6761). */
    public static class UnresolvableKafka implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "kafka.invalid:9092");
        }
    }

    @Test
    void theServiceStartsAndTakesWritesWhileItsKafkaCannotBeResolved() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);

        assertThat(TestInfrastructure.postgres().psql("bcc_declaration",
                "SELECT count(*) FROM outbox_event WHERE message_key = '" + id + "'")).isEqualTo("1");
        given().get("/q/health/ready").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath wellness = JsonPath.from(given().get("/q/health/well").then().statusCode(503).extract().asString());
            assertThat(wellness.getString("checks.find { it.name == 'kafka-outbox' }.status")).isEqualTo("DOWN");
            assertThat(wellness.getString("checks.find { it.name == 'kafka-outbox' }.data.lastError"))
                    .contains("kafka.invalid");
        });
    }
}
