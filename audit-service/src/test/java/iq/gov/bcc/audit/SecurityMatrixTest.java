package iq.gov.bcc.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import iq.gov.bcc.localstack.Caller;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.localstack.TestInfrastructure;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the audit API by nobody, by six kinds of untrustworthy token and by each role:
 * 401 unless the token is genuine and current, 403 for anyone but auditors and senior auditors (a
 * crossing system may not read the findings about itself), and a refused decision records nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class SecurityMatrixTest {

    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong ALLOWED = new AtomicLong();
    private static final String UNKNOWN = UUID.randomUUID().toString();

    /** One operation and what an auditor gets: the ids are unknown, so the reads by id answer 404. */
    record Endpoint(String method, String path, String accept, String body, int ok) {
        @Override
        public String toString() {
            return method + " " + path + (accept == null ? "" : " (" + accept + ")");
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/v1/discrepancies", null, null, 200),
                new Endpoint("GET", "/api/v1/discrepancies?crossing=SHL", "text/csv", null, 200),
                new Endpoint("GET", "/api/v1/discrepancies/" + UNKNOWN, null, null, 404),
                new Endpoint("POST", "/api/v1/discrepancies/" + UNKNOWN + "/decisions", null,
                        "{\"decision\":\"DISMISS\",\"reason\":\"paid at the bank\"}", 404),
                new Endpoint("GET", "/api/v1/declarations/" + UNKNOWN + "/correlation", null, null, 404),
                new Endpoint("GET", "/api/v1/revenue?from=2026-01-01&to=2026-12-31&groupBy=crossing", null, null, 200),
                new Endpoint("GET", "/api/v1/crossings", null, null, 200),
                new Endpoint("GET", "/api/v1/crossings/SHL/scorecard", null, null, 200),
                new Endpoint("GET", "/api/v1/ledger/verify", null, null, 200));
    }

    static Stream<Arguments> matrix() {
        return endpoints().flatMap(e -> Arrays.stream(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void eachCallerGetsWhatItsTokenAndRoleAllow(Endpoint endpoint, Caller caller) {
        int expected = !caller.authentic() ? 401
                : caller.is("auditor") || caller.is("senior-auditor") ? endpoint.ok() : 403;
        String before = decisions();
        RequestSpecification request = given().redirects().follow(false);
        String token = caller.token();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (endpoint.accept() != null) {
            request.accept(endpoint.accept());
        }
        if (endpoint.body() != null) {
            request.contentType("application/json").body(endpoint.body());
        }
        Response response = request.request(endpoint.method(), endpoint.path());
        SENT.incrementAndGet();

        assertThat(response.statusCode()).as("%s by %s: %s", endpoint, caller, response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
            assertThat(decisions()).isEqualTo(before);
        }
        if (expected < 300 || expected == 404) {
            ALLOWED.incrementAndGet();
        }
    }

    @Test
    void aGenuineTokenIsAcceptedUntilItExpiresAndRefusedAfter() {
        // Auditors' tokens come from the password grant; the short-lived client is a crossing, which the
        // audit API refuses with 403 while its token is good and 401 once it has expired.
        Caller.assertRefusedOnlyOnceExpired(token -> {
            int status = given().auth().oauth2(token).get("/api/v1/crossings").statusCode();
            return status == 403 ? 200 : status;
        });
    }

    @AfterAll
    static void record() {
        long endpoints = endpoints().count();
        if (SENT.get() == endpoints * Caller.values().length) {
            new ReliabilityRecord("security-matrix-audit-service", "security", "audit-service",
                    endpoints + " endpoints x " + Caller.values().length + " callers (the same 7 untrusted and 5 genuine)",
                    SENT.get(), ALLOWED.get(), 0, 0, "every answer as expected: 401 untrusted, 403 for crossings and "
                            + "tariff admins, refused decisions recorded nothing").write();
        }
    }

    private static String decisions() {
        return TestInfrastructure.postgres().psql("bcc_audit", "SELECT count(*) FROM discrepancy_decision");
    }
}
