package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import iq.gov.bcc.localstack.FuzzTally;
import iq.gov.bcc.localstack.JsonFuzz;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.localstack.TestInfrastructure;
import iq.gov.bcc.localstack.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        FuzzTally tally = new FuzzTally();
        for (String body : bodies) {
            Response response = given().auth().oauth2(token).contentType("application/json")
                    .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/declarations");
            tally.record(body, response.statusCode(), response.contentType(), response.asString());
        }
        long[] after = counts();

        assertThat(tally.failures()).as("seed %d: answers that are 5xx or not a clean problem", SEED).isEmpty();
        assertThat(after[0] - before[0]).as("declarations stored = bodies accepted with 201").isEqualTo(tally.created());
        assertThat(after[1] - before[1]).as("one outbox event per accepted body, none for refused ones").isEqualTo(tally.created());
        assertThat(tally.statuses().keySet()).as("the generator reached both sides").contains(201, 400);
        new ReliabilityRecord("fuzz-declarations", "fuzz", "declaration-service",
                BODIES + " jqwik-generated mutations of valid declarations (seed " + SEED + "): fields removed, wrong types, "
                        + "extreme numbers, hostile and malformed text, unknown fields, deep nesting, corrupted JSON",
                bodies.size(), tally.created(), after[0] - before[0], 0,
                "no 5xx; answers " + tally.statuses() + "; every 4xx problem+json; stored exactly the accepted bodies").write();
    }

    private static long[] counts() {
        String[] values = TestInfrastructure.postgres().psql("bcc_declaration",
                "SELECT (SELECT count(*) FROM declaration) || ' ' || (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_event_id_seq)").split(" ");
        return new long[] { Long.parseLong(values[0]), Long.parseLong(values[1]) };
    }
}
