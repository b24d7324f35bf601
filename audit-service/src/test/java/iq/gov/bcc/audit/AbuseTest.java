package iq.gov.bcc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.localstack.TestInfrastructure;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a careless or hostile auditor's client might send: decisions with bad bodies and filters with
 * bad values. Each is 400 problem+json naming the field or parameter, and nothing is recorded.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class AbuseTest {

    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong PASSED = new AtomicLong();

    static Stream<Arguments> decisions() {
        return Stream.of(
                Arguments.of("no body", "", "decision"),
                Arguments.of("JSON null", "null", "decision"),
                Arguments.of("unknown decision", "{\"decision\":\"FORGIVE\",\"reason\":\"x\"}", "decision"),
                Arguments.of("decision as a number", "{\"decision\":3,\"reason\":\"x\"}", "decision"),
                Arguments.of("missing reason", "{\"decision\":\"REVIEW\"}", "reason"),
                Arguments.of("NUL in reason", "{\"decision\":\"REVIEW\",\"reason\":\"ok\\u0000\"}", "reason"),
                Arguments.of("ANSI escape in reason", "{\"decision\":\"REVIEW\",\"reason\":\"\\u001b[2Jcleared\"}", "reason"),
                Arguments.of("broken UTF-16 in reason", "{\"decision\":\"REVIEW\",\"reason\":\"truck \\ud83d\"}", "reason"),
                Arguments.of("reason of 5000 characters", "{\"decision\":\"REVIEW\",\"reason\":\"" + "x".repeat(5000) + "\"}", "reason"),
                Arguments.of("reason as an object", "{\"decision\":\"REVIEW\",\"reason\":{\"a\":1}}", "reason"),
                Arguments.of("5000 nested arrays", "{\"decision\":\"REVIEW\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}", null),
                Arguments.of("truncated JSON", "{\"decision\":\"REV", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decisions")
    void aBadDecisionIsAProblemNamingTheFieldAndRecordsNothing(String name, String body, String field) {
        String before = recorded();
        Response response = Audit.as("senior").contentType("application/json").body(body)
                .post("/api/v1/discrepancies/{id}/decisions", UUID.randomUUID());
        check(response, field);
        assertThat(recorded()).isEqualTo(before);
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("crossing", "SHL' OR '1'='1"),
                Arguments.of("crossing", "<script>"),
                Arguments.of("type", "EVERYTHING"),
                Arguments.of("status", "open; DROP TABLE discrepancy"),
                Arguments.of("from", "2026-13-45"),
                Arguments.of("to", "yesterday"),
                Arguments.of("minAmountIqd", "1e999999999"),
                Arguments.of("minAmountIqd", "1e400"),
                Arguments.of("minAmountIqd", "-1"),
                Arguments.of("minAmountIqd", "NaN"),
                Arguments.of("limit", "0"),
                Arguments.of("limit", "99999999999999999999"),
                Arguments.of("cursor", "not-a-cursor"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("filters")
    void aBadFilterIsAProblemNamingTheParameter(String parameter, String value) {
        check(Audit.as("auditor").queryParam(parameter, value).get("/api/v1/discrepancies"), parameter);
    }

    @AfterAll
    static void record() {
        if (SENT.get() == decisions().count() + filters().count() && PASSED.get() == SENT.get()) {
            new ReliabilityRecord("abuse-decisions-and-filters-audit-service", "abuse", "audit-service",
                    "decisions with missing, unknown, mistyped, oversized, control-character and deeply nested bodies; "
                            + "filters with SQL, markup, impossible dates, 1e999999999 amounts and bad limits",
                    SENT.get(), 0, 0, 0, "every request 400 problem+json naming the field or parameter; "
                            + "no decision recorded, no 5xx").write();
        }
    }

    private static void check(Response response, String field) {
        SENT.incrementAndGet();
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.asString()).doesNotContain("java.", "Exception", "com.fasterxml", "iq.gov.");
        if (field != null) {
            assertThat(response.jsonPath().getList("violations.field", String.class)).contains(field);
        }
        PASSED.incrementAndGet();
    }

    private static String recorded() {
        return TestInfrastructure.postgres().psql("bcc_audit",
                "SELECT (SELECT count(*) FROM discrepancy_decision) || '/' || (SELECT count(*) FROM ledger_entry)");
    }
}
