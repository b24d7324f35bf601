package iq.gov.bcc.tariff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Property: whatever body a tariff administrator posts to POST /api/v1/measures, the answer is never a
 * 5xx, every refusal is problem+json with its own status and no Java in it, and exactly the accepted
 * bodies are stored. The valid bodies start on distinct days after 2100 on one origin (NZ), so what the
 * fuzz creates overlaps no measure another test relies on. Seed: -Dbcc.fuzz.seed.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_tariff"))
class MeasureFuzzTest {

    private static final long SEED = Long.getLong("bcc.fuzz.seed", 20261121L);
    private static final int BODIES = Integer.getInteger("bcc.fuzz.bodies", 2000);
    private static final AtomicInteger DAY = new AtomicInteger();
    private static final List<String> PREFIXES = List.of("0901", "090111", "7214", "721420", "8502", "27", "850110");
    private static final List<String> DUTIES = List.of(
            "\"dutyType\":\"AD_VALOREM\",\"adValoremPercent\":15",
            "\"dutyType\":\"SPECIFIC\",\"specificAmountIqd\":50,\"specificUnit\":\"KG\"",
            "\"dutyType\":\"COMPOUND\",\"adValoremPercent\":5,\"specificAmountIqd\":7,\"specificUnit\":\"KG\",\"maximumIqd\":90000");

    private static JsonNode valid() {
        int n = DAY.incrementAndGet();
        LocalDate from = LocalDate.of(2100, 1, 1).plusDays(n);
        return JsonFuzz.object(Api.measure(PREFIXES.get(n % PREFIXES.size()), "COUNTRY", "NZ", "[\"IR\"]",
                DUTIES.get(n % DUTIES.size()), from.toString(), from.plusDays(1).toString()));
    }

    @Test
    void noBodyCausesAServerErrorAndEveryRefusalIsAProblem() {
        List<String> bodies = JsonFuzz.bodies(() -> (com.fasterxml.jackson.databind.node.ObjectNode) valid(), SEED, BODIES);
        String token = Tokens.user("tariff-admin");
        long[] before = counts();
        FuzzTally tally = new FuzzTally();
        for (String body : bodies) {
            Response response = given().auth().oauth2(token).contentType("application/json")
                    .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/v1/measures");
            tally.record(body, response.statusCode(), response.contentType(), response.asString());
        }
        long[] after = counts();

        assertThat(tally.failures()).as("seed %d: answers that are 5xx or not a clean problem", SEED).isEmpty();
        assertThat(after[0] - before[0]).as("measures stored = bodies accepted with 201").isEqualTo(tally.created());
        assertThat(after[1] - before[1]).as("one outbox event per accepted body").isEqualTo(tally.created());
        assertThat(tally.statuses().keySet()).as("the generator reached both sides").contains(201, 400);
        new ReliabilityRecord("fuzz-measures", "fuzz", "tariff-service",
                BODIES + " jqwik-generated mutations of valid measures (seed " + SEED + "): fields removed, wrong types, "
                        + "extreme numbers, hostile and malformed text, unknown fields, deep nesting, corrupted JSON",
                bodies.size(), tally.created(), after[0] - before[0], 0,
                "no 5xx; answers " + tally.statuses() + "; every 4xx problem+json; stored exactly the accepted bodies").write();
    }

    private static long[] counts() {
        String[] values = TestInfrastructure.postgres().psql("bcc_tariff",
                "SELECT (SELECT count(*) FROM measure) || ' ' || (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_event_id_seq)").split(" ");
        return new long[] { Long.parseLong(values[0]), Long.parseLong(values[1]) };
    }
}
