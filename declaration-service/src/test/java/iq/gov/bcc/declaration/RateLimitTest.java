package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.localstack.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client calling faster than its allowance gets 429 problem+json with Retry-After; others are not affected. */
@QuarkusTest
@TestProfile(RateLimitTest.TinyAllowance.class)
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class RateLimitTest {

    /** Two calls a second, bursts of five: small enough to meet in a test. */
    public static class TinyAllowance implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("bcc.rate-limit.per-second", "2", "bcc.rate-limit.burst", "5");
        }
    }

    @Test
    void aClientOverItsAllowanceIsToldWhenToComeBackAndOthersCarryOn() {
        String shl = Tokens.crossing("SHL");
        List<Integer> statuses = new ArrayList<>();
        Response refused = null;
        for (int i = 0; i < 12; i++) {
            Response response = given().auth().oauth2(shl).get("/api/v1/declarations");
            statuses.add(response.statusCode());
            if (response.statusCode() == 429 && refused == null) {
                refused = response;
            }
        }
        assertThat(statuses.subList(0, 5)).as("the burst passes").containsOnly(200);
        assertThat(statuses).contains(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, 5);

        // Another crossing, a person, and the unauthenticated endpoints are not slowed down by SHL.
        given().auth().oauth2(Tokens.crossing("TRB")).get("/api/v1/declarations").then().statusCode(200);
        given().auth().oauth2(Tokens.user("auditor")).get("/api/v1/declarations").then().statusCode(200);
        for (int i = 0; i < 20; i++) {
            given().get("/q/health/ready").then().statusCode(200);
            given().get("/q/metrics").then().statusCode(200);
        }
        given().accept("application/json").get("/q/openapi").then().statusCode(200);
        // A forged token does not spend SHL's allowance, nor is it limited instead of refused.
        given().auth().oauth2(shl + "x").get("/api/v1/declarations").then().statusCode(401);

        long refusedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(retryAfter + 5)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().auth().oauth2(shl).get("/api/v1/declarations").statusCode() == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - refusedAt)).isLessThanOrEqualTo(Duration.ofSeconds(retryAfter + 1));

        long limited = statuses.stream().filter(s -> s == 429).count();
        new ReliabilityRecord("rate-limit-per-client", "rate-limit", "declaration-service",
                "12 back-to-back reads by one crossing client with an allowance of 2/s and bursts of 5 "
                        + "(production defaults: BCC_RATE_LIMIT_PER_SECOND=10000, BCC_RATE_LIMIT_BURST=20000)",
                statuses.size(), statuses.size() - limited, 0, 0,
                limited + " answered 429 problem+json with Retry-After: " + retryAfter + " s; other clients, health, "
                        + "metrics and OpenAPI unaffected; served again within Retry-After").write();
    }
}
