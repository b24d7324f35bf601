package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static java.nio.charset.StandardCharsets.UTF_8;
import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.asUser;
import static iq.gov.bcc.declaration.Samples.declaration;
import static iq.gov.bcc.declaration.Samples.firstItem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Tokens;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class ListAndBatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void pagesThroughACrossingsDeclarationsInLodgementOrderWithoutGapsOrRepeats() {
        OffsetDateTime base = OffsetDateTime.parse("2025-03-01T08:00:00+03:00");
        List<String> filed = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Map<String, Object> body = declaration("KLE");
            body.put("lodgedAt", base.plusMinutes(i).toString());
            filed.add(Samples.file(body));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = asUser("auditor").queryParam("crossing", "KLE").queryParam("limit", 3)
                    .queryParam("from", base.toString()).queryParam("to", base.plusHours(1).toString());
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get("/api/v1/declarations").then().statusCode(200)
                    .body("items.crossingCode", everyItem(equalTo("KLE"))).extract();
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(filed);
        assertThat(pages).isEqualTo(3);

        asUser("auditor").queryParam("crossing", "KLE").queryParam("status", "RELEASED").get("/api/v1/declarations")
                .then().statusCode(200).body("items", hasSize(0)).body("nextCursor", nullValue());
    }

    @Test
    void badListParametersAreNamed() {
        asUser("auditor").queryParam("cursor", "garbage!").get("/api/v1/declarations").then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
        for (String limit : List.of("0", "501", "fifty", "1.5")) {
            asUser("auditor").queryParam("limit", limit).get("/api/v1/declarations").then().statusCode(400)
                    .contentType("application/problem+json").body("violations.field", hasItem("limit"));
        }
        asUser("auditor").queryParam("status", "LOST").get("/api/v1/declarations").then().statusCode(400)
                .body("violations.field", hasItem("status"));
        asUser("auditor").queryParam("from", "yesterday").get("/api/v1/declarations").then().statusCode(400)
                .body("violations.field", hasItem("from"));
    }

    @Test
    void aCrossingListsOnlyItself() {
        Samples.file(declaration("PSH"));
        as("PSH").get("/api/v1/declarations").then().statusCode(200)
                .body("items.crossingCode", everyItem(equalTo("PSH")));
        as("PSH").queryParam("crossing", "SHL").get("/api/v1/declarations").then().statusCode(403);
    }

    @Test
    void anUnreadableLineIsNamedAsASinglePostWouldBeAndTwoDeclarationsRunTogetherFileNeither() throws Exception {
        Map<String, Object> first = declaration("SHL");
        Map<String, Object> second = declaration("SHL");
        Map<String, Object> smuggle = declaration("SHL");
        smuggle.put("direction", "SMUGGLE");
        Map<String, Object> noOffset = declaration("SHL");
        noOffset.put("lodgedAt", "2026-11-21T09:30:00");
        Map<String, Object> misspelt = declaration("SHL");
        firstItem(misspelt).put("exemptionLicense", "INV-2026-0042");
        String body = String.join("\n", JSON.writeValueAsString(first) + JSON.writeValueAsString(second),
                JSON.writeValueAsString(smuggle), JSON.writeValueAsString(noOffset), JSON.writeValueAsString(misspelt)) + "\n";

        ExtractableResponse<Response> result = given().auth().oauth2(Tokens.crossing("SHL"))
                .contentType("application/x-ndjson").body(body.getBytes(UTF_8)).post("/api/v1/declarations/batch")
                .then().statusCode(200)
                .body("results.status", equalTo(List.of(400, 400, 400, 400)))
                .body("results[0].problem.detail", containsString("more than one JSON value"))
                .body("results[1].problem.violations.field", equalTo(List.of("direction")))
                .body("results[1].problem.detail", containsString("IMPORT, EXPORT, TRANSIT"))
                .body("results[2].problem.violations.field", equalTo(List.of("lodgedAt")))
                // a misspelt optional field is named, with the fields the item does have, not dropped
                .body("results[3].problem.violations.field", equalTo(List.of("items[0].exemptionLicense")))
                .body("results[3].problem.detail", containsString("exemptionLicence"))
                .extract();
        assertThat(result.asString()).doesNotContain("iq.gov.", "java.", "com.fasterxml", "Exception");
        for (Map<String, Object> declaration : List.of(first, second, misspelt)) {
            assertThat(Samples.rowsWithReference((String) declaration.get("reference"))).isZero();
        }
    }

    @Test
    void anOfflineBatchIsJudgedLineByLine() throws Exception {
        Map<String, Object> repeated = declaration("SHL");
        Samples.file(repeated);
        Map<String, Object> fresh = declaration("SHL");
        Map<String, Object> invalid = declaration("SHL");
        firstItem(invalid).put("hsCode", "1");
        Map<String, Object> foreign = declaration("TRB");
        String body = String.join("\n", JSON.writeValueAsString(fresh), JSON.writeValueAsString(repeated),
                JSON.writeValueAsString(invalid), "{not json", "", JSON.writeValueAsString(foreign)) + "\n";

        ExtractableResponse<Response> result = given().auth().oauth2(Tokens.crossing("SHL"))
                .contentType("application/x-ndjson").body(body.getBytes(UTF_8)).post("/api/v1/declarations/batch")
                .then().statusCode(200)
                .body("lines", equalTo(5)).body("created", equalTo(1)).body("existing", equalTo(1))
                .body("rejected", equalTo(3))
                .body("results.status", equalTo(List.of(201, 200, 400, 400, 403)))
                .body("results.line", equalTo(List.of(1, 2, 3, 4, 6)))
                .body("results[0].id", notNullValue())
                .body("results[2].problem.violations.field", hasItem("items[0].hsCode"))
                .extract();
        assertThat((String) result.path("results[4].problem.detail")).contains("SHL");

        // Re-uploading after a lost answer files nothing twice.
        given().auth().oauth2(Tokens.crossing("SHL")).contentType("application/x-ndjson").body(body.getBytes(UTF_8))
                .post("/api/v1/declarations/batch").then().statusCode(200)
                .body("created", equalTo(0)).body("existing", equalTo(2))
                .body("results[0].id", equalTo(result.path("results[0].id")));
    }

    @Test
    void aBatchOverTheLineLimitIsRefusedWhole() throws Exception {
        StringBuilder body = new StringBuilder();
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, Object> d = declaration("SHL");
            references.add((String) d.get("reference"));
            body.append(JSON.writeValueAsString(d)).append('\n');
        }
        given().auth().oauth2(Tokens.crossing("SHL")).contentType("application/x-ndjson").body(body.toString().getBytes(UTF_8))
                .post("/api/v1/declarations/batch").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(Tokens.crossing("SHL")).contentType("application/x-ndjson").body("\n\n".getBytes(UTF_8))
                .post("/api/v1/declarations/batch").then().statusCode(400);
        given().auth().oauth2(Tokens.user("auditor")).contentType("application/x-ndjson").body(body.toString().getBytes(UTF_8))
                .post("/api/v1/declarations/batch").then().statusCode(403);
        given().contentType("application/x-ndjson").body(body.toString().getBytes(UTF_8))
                .post("/api/v1/declarations/batch").then().statusCode(401);
        assertThat(references).allMatch(r -> Samples.rowsWithReference(r) == 0);
    }
}
