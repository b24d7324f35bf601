package iq.gov.bcc.tariff;

import static io.restassured.RestAssured.given;
import static iq.gov.bcc.tariff.Api.adValorem;
import static iq.gov.bcc.tariff.Api.admin;
import static iq.gov.bcc.tariff.Api.auditor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Tokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_tariff"))
class SecurityAndProblemTest {

    record Write(String method, String path, String contentType, String body) {
    }

    static final List<Write> WRITES = List.of(
            new Write("POST", "/api/v1/measures", "application/json", adValorem("0101", "5", "2030-01-01")),
            new Write("PUT", "/api/v1/measures/" + UUID.randomUUID(), "application/json", adValorem("0101", "5", "2030-01-01")),
            new Write("POST", "/api/v1/measures/import", "text/csv", "x"),
            new Write("POST", "/api/v1/exchange-rates", "application/json",
                    "{\"currency\":\"GBP\",\"rateToIqd\":1700,\"validFrom\":\"2030-01-01\",\"source\":\"x\"}"),
            new Write("POST", "/api/v1/exemptions/licences", "application/json", ExemptionTest.licence("SEC-1", "OTHER", null, null, "2026-01-01", null)),
            new Write("POST", "/api/v1/exemptions/licences/SEC-1/revocation", "application/json",
                    "{\"effectiveFrom\":\"2026-03-01\",\"reason\":\"x\",\"legalBasis\":\"y\"}"),
            new Write("POST", "/api/v1/exemptions/revocations", "application/json",
                    "{\"kind\":\"OTHER\",\"effectiveFrom\":\"2026-03-01\",\"reason\":\"x\",\"legalBasis\":\"y\"}"),
            new Write("POST", "/api/v1/commodities", "application/json", "{\"code\":\"01012110\",\"description\":\"x\"}"));

    @Test
    void everyWriteNeedsATokenAndTheTariffAdminRole() {
        for (Write w : WRITES) {
            given().contentType(w.contentType()).body(w.body()).request(w.method(), w.path()).then()
                    .statusCode(401);
            given().auth().oauth2(Tokens.user("auditor")).contentType(w.contentType()).body(w.body())
                    .request(w.method(), w.path()).then().statusCode(403);
            given().auth().oauth2(Tokens.crossing("SHL")).contentType(w.contentType()).body(w.body())
                    .request(w.method(), w.path()).then().statusCode(403);
        }
        // Nothing was written by the refused calls.
        auditor().get("/api/v1/exemptions/licences/SEC-1").then().statusCode(404);
        auditor().queryParam("currency", "GBP").get("/api/v1/exchange-rates").then().statusCode(200).body("size()", is(0));
    }

    @Test
    void readsAndAssessmentsNeedAToken() {
        for (String path : List.of("/api/v1/measures", "/api/v1/commodities?query=steel", "/api/v1/exchange-rates",
                "/api/v1/exemptions/licences", "/api/v1/commodities/7214")) {
            given().get(path).then().statusCode(401);
            given().auth().oauth2(Tokens.crossing("SHL")).get(path).then().statusCode(200);
        }
        given().contentType(ContentType.JSON).body("{}").post("/api/v1/assessments").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/v1/assessments"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/exchange-rates'.post.responses.'413'.content", org.hamcrest.Matchers
                        .hasKey("application/problem+json"));
        given().get("/q/metrics").then().statusCode(200);
        given().get("/asyncapi.yaml").then().statusCode(200).body(containsString("bcc.assessments.v1"));
        given().get("/schemas/events/iq.bcc.assessment.completed.v1.json").then().statusCode(200)
                .body("required", hasItem("totalDutyIqd"));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        admin().body("{\"hsPrefix\":\"12345\",\"originScope\":\"ALL\",\"dutyType\":\"AD_VALOREM\","
                + "\"adValoremPercent\":-1,\"legalBasis\":\"x\"}").post("/api/v1/measures").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(containsString("hsPrefix")))
                .body("violations.field", hasItem(containsString("validFrom")))
                .body("violations.field", hasItem(containsString("adValoremPercent")))
                .body(not(containsString("java.")));
        admin().body(Api.measure("0101", "ALL", null, "[]", "\"dutyType\":\"SPECIFIC\",\"adValoremPercent\":3",
                "2030-01-01", null)).post("/api/v1/measures").then().statusCode(422)
                .contentType("application/problem+json").body("violations[0].field", is("adValoremPercent"));
        admin().body(Api.measure("0101", "COUNTRY", "XX", "[]", "\"dutyType\":\"AD_VALOREM\",\"adValoremPercent\":3",
                "2030-01-01", null)).post("/api/v1/measures").then().statusCode(422)
                .body("violations[0].field", is("originCode"));
        admin().body(adValorem("0199", "5", "2030-01-01")).post("/api/v1/measures").then().statusCode(422)
                .body("violations[0].field", is("hsPrefix"));
        admin().body("{not json").post("/api/v1/measures").then().statusCode(400)
                .contentType("application/problem+json").body(not(containsString("jackson")))
                .body(not(containsString("java")));
        auditor().body(Api.declaration("not-a-time", "TR", "850110", "1", "IQD", "1", "1", null))
                .post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("lodgedAt")).body(not(containsString("java")))
                .body(not(containsString("Exception")));
        admin().body(adValorem("0101", "5", "2030-01-01").replace("\"ALL\"", "\"SOMEWHERE\""))
                .post("/api/v1/measures").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", is("originScope")).body("detail", containsString("ALL, GROUP, COUNTRY"))
                .body(not(containsString("java")));
        auditor().body(Api.declaration("2026-01-01T00:00:00Z", "TR", "850110", "lots", "IQD", "1", "1", null))
                .post("/api/v1/assessments").then().statusCode(400)
                .body("violations[0].field", is("items[0].customsValue.amount")).body(not(containsString("java")));
        auditor().body("{\"crossingCode\":\"SHL\",\"lodgedAt\":\"2026-01-01T00:00:00Z\",\"originCountry\":\"tr\",\"items\":[]}")
                .post("/api/v1/assessments").then().statusCode(400)
                .body("violations.field", hasItem(containsString("originCountry")))
                .body("violations.field", hasItem(containsString("items")));
        auditor().get("/api/v1/measures/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        auditor().queryParam("at", "yesterday").get("/api/v1/measures").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("at"))
                .body("violations[0].in", is("query"));
        auditor().queryParam("asKnownAt", "last week").get("/api/v1/measures").then().statusCode(400)
                .body("violations[0].field", is("asKnownAt")).body("violations[0].in", is("query"));
        auditor().queryParam("at", "2026-02-30").get("/api/v1/exchange-rates").then().statusCode(400)
                .body("violations[0].field", is("at")).body("violations[0].in", is("query"));
    }

    @Test
    void overlappingMeasuresConflict() {
        Api.createMeasure(adValorem("271111", "5", "2026-01-01"));
        admin().body(adValorem("271111", "7", "2026-06-01")).post("/api/v1/measures").then().statusCode(409)
                .contentType("application/problem+json").body("status", is(409));
    }

    @Test
    void nomenclatureIsShippedSearchableAndExtensible() {
        auditor().get("/api/v1/commodities/7214").then().statusCode(200).body("level", is(4))
                .body("children.code", hasItem("721420"));
        auditor().get("/api/v1/commodities/0000").then().statusCode(404);
        assertThat(auditor().queryParam("query", "7214").get("/api/v1/commodities").then().statusCode(200).extract()
                .jsonPath().<String>getList("code")).allMatch(c -> c.startsWith("7214")).contains("7214", "721420");
        assertThat(auditor().queryParam("query", "horses live").get("/api/v1/commodities").then().statusCode(200)
                .extract().jsonPath().<String>getList("code")).contains("0101", "010121");
        assertThat(auditor().queryParam("query", "7214").queryParam("limit", 2).get("/api/v1/commodities").then()
                .statusCode(200).extract().jsonPath().<String>getList("code")).hasSize(2);
        // A page size that is not a number is the client's mistake, named; not a 404 as if the path were wrong.
        for (String path : List.of("/api/v1/commodities", "/api/v1/measures")) {
            for (String limit : List.of("many", "0", "100000")) {
                auditor().queryParam("limit", limit).get(path).then().statusCode(400)
                        .contentType("application/problem+json").body("violations.field", hasItem("limit"));
            }
        }

        admin().body("{\"code\":\"72142010\",\"description\":\"حديد تسليح بقطر لا يتجاوز 12 ملم\"}")
                .post("/api/v1/commodities").then().statusCode(201).body("national", is(true)).body("parent", is("721420"));
        auditor().get("/api/v1/commodities/72142010").then().statusCode(200)
                .body("description", is("حديد تسليح بقطر لا يتجاوز 12 ملم"));
        admin().body("{\"code\":\"72142010\",\"description\":\"again\"}").post("/api/v1/commodities").then().statusCode(409);
        // A national line gets its own measure, more specific than the subheading's.
        Api.createMeasure(adValorem("72142010", "5", "2026-01-01"));
        assertThat(Api.assess(Api.declaration("2026-05-01T08:00:00Z", "TR", "72142010", "1000", "IQD", "1", "1", null))
                .getString("items[0].dutyIqd")).isEqualTo("50.000");
    }
}
