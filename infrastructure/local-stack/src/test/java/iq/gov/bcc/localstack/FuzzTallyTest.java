package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FuzzTallyTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aCleanProblemAndACreationAreNoFailures() {
        FuzzTally tally = new FuzzTally();
        tally.record("{}", 400, PROBLEM, "{\"status\":400,\"title\":\"Bad Request\",\"detail\":\"reference must not be blank\"}");
        tally.record("{\"ok\":1}", 201, "application/json", "{\"id\":\"x\"}");
        assertThat(tally.failures()).isEmpty();
        assertThat(tally.created()).isEqualTo(1);
        assertThat(tally.statuses()).isEqualTo(Map.of(201, 1, 400, 1));
    }

    @Test
    void everyWayARefusalCanBeUncleanIsAFailure() {
        FuzzTally tally = new FuzzTally();
        tally.record("a", 500, PROBLEM, "{\"status\":500}");
        tally.record("b", 400, "text/html", "<h1>Bad Request</h1>");
        tally.record("c", 400, PROBLEM, "{\"status\":422}");
        tally.record("d", 400, PROBLEM, "not json");
        tally.record("e", 400, PROBLEM, "{\"status\":400,\"detail\":\"com.fasterxml.jackson.core.JsonParseException at line 1\"}");
        tally.record("f", 409, PROBLEM, "{\"status\":409,\"detail\":\"java.lang.IllegalStateException\"}");
        assertThat(tally.failures()).hasSize(6);
        assertThat(tally.failures().get(1)).contains("content type text/html");
        assertThat(tally.failures().get(2)).contains("status field differs");
        assertThat(tally.failures().get(4)).contains("Java details");
        assertThat(tally.created()).isZero();
    }

    @Test
    void aLongBodyIsCutInTheReport() {
        FuzzTally tally = new FuzzTally();
        tally.record("x".repeat(1000), 500, PROBLEM, "{\"status\":500}");
        assertThat(tally.failures().get(0)).contains("x".repeat(300) + "...").doesNotContain("x".repeat(301));
    }
}
