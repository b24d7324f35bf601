package iq.gov.bcc.declaration;

import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.declaration;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.PostgresServer;
import iq.gov.bcc.localstack.ReliabilityRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under the service: every call is answered 503 problem+json with Retry-After
 * (never 500, never a hang), nothing half-written, and once PostgreSQL is back the service serves
 * again by itself. The cluster is this test's own, so stopping it disturbs no other test.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.OwnPostgres.class)
class DatabaseOutageTest {

    public static class OwnPostgres implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LocalStackTestResource.class,
                    Map.of("database", "bcc_declaration", "postgres", "dedicated")));
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.acquisition-timeout", "2S", "bcc.database-unavailable.retry-after", "3");
        }
    }

    /** Injected by LocalStackTestResource: this test's own cluster. */
    PostgresServer postgres;

    @Test
    void whileTheDatabaseIsDownCallsAre503WithRetryAfterAndTheServiceRecoversByItself() {
        List<String> accepted = new ArrayList<>();
        accepted.add(Samples.file(declaration("SHL")));
        List<String> refusedReferences = new ArrayList<>();
        int sent = 1;
        int unavailable = 0;

        postgres.stopServer();
        try {
            for (int i = 0; i < 10; i++) {
                Map<String, Object> body = declaration(i % 2 == 0 ? "SHL" : "TRB");
                long started = System.nanoTime();
                Response response = as((String) body.get("crossingCode")).body(body).post("/api/v1/declarations");
                sent++;
                assertThat(response.statusCode()).as(response.asString()).isEqualTo(503);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("answered without hanging")
                        .isLessThan(Duration.ofSeconds(10));
                assertThat(response.contentType()).startsWith("application/problem+json");
                assertThat(response.header("Retry-After")).isEqualTo("3");
                assertThat(response.jsonPath().getInt("status")).isEqualTo(503);
                assertThat(response.asString()).doesNotContain("jdbc:", "postgres", "Exception", "127.0.0.1");
                refusedReferences.add((String) body.get("reference"));
                unavailable++;
            }
            Response read = Samples.asUser("auditor").get("/api/v1/declarations");
            assertThat(read.statusCode()).isEqualTo(503);
            assertThat(read.header("Retry-After")).isNotBlank();
            given().get("/q/health/ready").then().statusCode(503);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            postgres.restart();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                given().get("/q/health/ready").statusCode() == 200);
        for (int i = 0; i < 5; i++) {
            accepted.add(Samples.file(declaration("SHL")));
            sent++;
        }
        long stored = Long.parseLong(postgres.psql("bcc_declaration", "SELECT count(*) FROM declaration"));
        long refusedButStored = Long.parseLong(postgres.psql("bcc_declaration",
                "SELECT count(*) FROM declaration WHERE reference IN ('" + String.join("','", refusedReferences) + "')"));
        assertThat(refusedButStored).isZero();
        assertThat(stored).isEqualTo(accepted.size());
        new ReliabilityRecord("postgres-down-declaration-service", "faults", "declaration-service",
                "PostgreSQL stopped (fast shutdown) under declaration-service, 10 filings and a read sent, then restarted",
                sent, accepted.size(), stored, 0,
                unavailable + " filings answered 503 problem+json with Retry-After (no 500, none stored), health/ready 503; "
                        + "served again by itself once PostgreSQL was back").write();
    }
}
