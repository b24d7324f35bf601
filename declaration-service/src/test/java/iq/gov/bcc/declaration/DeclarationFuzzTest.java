package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import iq.gov.bcc.localstack.JsonFuzz;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.localstack.TestInfrastructure;
import iq.gov.bcc.localstack.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever body a crossing posts to POST /api/v1/declarations, the answer is never a 5xx,
 * every refusal is problem+json with the status it is sent with, and exactly the accepted bodies are
 * stored (one declaration and one outbox event each). Bodies come from jqwik's generators, mutations
 * of valid declarations (JsonFuzz); the seed (-Dbcc.fuzz.seed) reproduces a run.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class DeclarationFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = Long.getLong("bcc.fuzz.seed", 20261121L);
    private static final int BODIES = Integer.getInteger("bcc.fuzz.bodies", 2000);

    @Test
    void noBodyCausesAServerErrorAndEveryRefusalIsAProblem() {
        List<String> bodies = JsonFuzz.bodies(() -> JSON.valueToTree(Samples.declaration("SHL")), SEED, BODIES);
        String token = Tokens.crossing("SHL");
        long[] before = counts();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int created = 0;
        for (String body : bodies) {
            Response response = given().auth().oauth2(token).contentType("application/json")
                    .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/declarations");
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            created += status == 201 ? 1 : 0;
            String problem = problemDefect(response);
            if (status >= 500 || problem != null) {
                failures.add(status + " " + problem + " for " + abbreviated(body) + " -> " + abbreviated(response.asString()));
            }
        }
        long[] after = counts();

        assertThat(failures).as("seed %d: answers that are 5xx or not a clean problem", SEED).isEmpty();
        assertThat(after[0] - before[0]).as("declarations stored = bodies accepted with 201").isEqualTo(created);
        assertThat(after[1] - before[1]).as("one outbox event per accepted body, none for refused ones").isEqualTo(created);
        assertThat(statuses.keySet()).as("the generator reached both sides").contains(201, 400);
        new ReliabilityRecord("fuzz-declarations", "fuzz", "declaration-service",
                BODIES + " jqwik-generated mutations of valid declarations (seed " + SEED + "): fields removed, wrong types, "
                        + "extreme numbers, hostile and malformed text, unknown fields, deep nesting, corrupted JSON",
                bodies.size(), created, after[0] - before[0], 0,
                "no 5xx; answers " + statuses + "; every 4xx problem+json; stored exactly the accepted bodies").write();
    }

    /** What is wrong with a 4xx answer, or null: it must be problem+json carrying its own status, with no Java in it. */
    static String problemDefect(Response response) {
        if (response.statusCode() < 400) {
            return null;
        }
        if (response.contentType() == null || !response.contentType().startsWith("application/problem+json")) {
            return "content type " + response.contentType();
        }
        JsonNode problem = JsonFuzz.parse(response.asString());
        if (problem == null || problem.path("status").asInt() != response.statusCode()) {
            return "status field differs";
        }
        String text = response.asString();
        if (text.contains("com.fasterxml") || text.contains("java.") || text.contains("Exception") || text.contains("iq.gov.")) {
            return "Java details in the answer";
        }
        return null;
    }

    static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    private static long[] counts() {
        String[] values = TestInfrastructure.postgres().psql("bcc_declaration",
                "SELECT (SELECT count(*) FROM declaration) || ' ' || (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_event_id_seq)").split(" ");
        return new long[] { Long.parseLong(values[0]), Long.parseLong(values[1]) };
    }
}
