package iq.gov.bcc.declaration;

import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.asUser;
import static iq.gov.bcc.declaration.Samples.declaration;
import static iq.gov.bcc.declaration.Samples.firstItem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.TestInfrastructure;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class AmendmentTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anAmendmentMakesANewVersionAndTheOldOneStaysReadable() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);

        firstItem(body).put("hsCode", "721410");
        firstItem(body).put("netWeightKg", "20000.000");
        firstItem(body).put("grossWeightKg", "20300.000");
        body.put("reason", "تصحيح الوزن بعد إعادة التعبئة");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(201)
                .header("Location", containsString("/api/v1/declarations/" + id + "/versions/2"))
                .body("version", equalTo(2))
                .body("items[0].hsCode", equalTo("721410"));

        asUser("auditor").get("/api/v1/declarations/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 2))
                .body("[0].items[0].hsCode", equalTo("721420"))
                .body("[0].items[0].netWeightKg", equalTo(24000.0f))
                .body("[0].reason", nullValue())
                .body("[1].reason", equalTo("تصحيح الوزن بعد إعادة التعبئة"))
                .body("[1].recordedBy", equalTo("service-account-crossing-shl"));
        asUser("auditor").get("/api/v1/declarations/" + id + "/versions/1").then().statusCode(200)
                .body("items[0].hsCode", equalTo("721420"));
        asUser("auditor").get("/api/v1/declarations/" + id + "/versions/3").then().statusCode(404);
        asUser("auditor").get("/api/v1/declarations/" + id).then().body("version", equalTo(2));
    }

    @Test
    void anAmendmentDeclaringWhatARuleSelectsTightensTheLaneAndNoAmendmentLoosensIt() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        asUser("auditor").get("/api/v1/declarations/" + id).then().body("lane", equalTo("GREEN"));

        firstItem(body).put("hsCode", "240220");
        body.put("reason", "cigarettes, not steel bars");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(201)
                .body("lane", equalTo("RED")).body("laneRule", equalTo("tobacco"));

        firstItem(body).put("hsCode", "721420");
        body.put("reason", "steel bars after all");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(201)
                .body("version", equalTo(3)).body("lane", equalTo("RED")).body("laneRule", equalTo("tobacco"));
        as("SHL").body(Map.of("releasedAt", Samples.now())).post("/api/v1/declarations/" + id + "/release")
                .then().statusCode(200).body("lane", equalTo("RED"));

        // once released, an amendment leaves the lane the goods went through alone
        Map<String, Object> released = declaration("SHL");
        String releasedId = Samples.file(released);
        as("SHL").body(Map.of("releasedAt", Samples.now())).post("/api/v1/declarations/" + releasedId + "/release")
                .then().statusCode(200).body("lane", equalTo("GREEN"));
        firstItem(released).put("hsCode", "240220");
        released.put("reason", "cigarettes, found by the post-release audit");
        as("SHL").body(released).post("/api/v1/declarations/" + releasedId + "/amendments").then().statusCode(201)
                .body("lane", equalTo("GREEN")).body("laneRule", equalTo("default"));
    }

    @Test
    void resendingTheSameAmendmentRecordsNothingNew() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        firstItem(body).put("netWeightKg", "23000.000");
        body.put("reason", "weight corrected");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(201);
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(200)
                .body("version", equalTo(2));
        asUser("auditor").get("/api/v1/declarations/" + id + "/versions").then().body("version", contains(1, 2));
    }

    @Test
    void anAmendmentNamesItsReasonAndKeepsItsIdentity() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        firstItem(body).put("netWeightKg", "23000.000");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(400)
                .body("violations.field", hasItem("reason"));

        body.put("reason", "typo");
        String reference = (String) body.get("reference");
        body.put("reference", reference + "-B");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(400)
                .body("violations.field", hasItem("reference"));

        body.put("reference", reference);
        firstItem(body).put("hsCode", "12");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(400)
                .body("violations.field", hasItem("items[0].hsCode"));
        asUser("auditor").get("/api/v1/declarations/" + id + "/versions").then().body("version", contains(1));
    }

    @Test
    void anAmendmentCannotMoveTheLodgement() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        OffsetDateTime lodged = OffsetDateTime.parse((String) body.get("lodgedAt"));
        body.put("reason", "licence was valid a week earlier");
        body.put("lodgedAt", lodged.minusDays(7).toString());
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("lodgedAt"));

        // The same instant written at another offset is the same lodgement.
        body.put("lodgedAt", lodged.withOffsetSameInstant(ZoneOffset.UTC).toString());
        firstItem(body).put("netWeightKg", "23000.000");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(201)
                .body("version", equalTo(2));
    }

    @Test
    void onceReleasedATransitKeepsItsExitCrossingDeadlineAndDirection() {
        Map<String, Object> body = Samples.transit("SFW", "TRB");
        String id = Samples.file(body);
        body.put("reason", "exit moved before release");
        body.put("exitCrossingCode", "ARR");
        as("SFW").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(201);

        as("SFW").body(Map.of("releasedAt", Samples.now())).post("/api/v1/declarations/" + id + "/release")
                .then().statusCode(200);
        String deadline = (String) body.get("transitDeadline");
        for (Map.Entry<String, Object> change : List.<Map.Entry<String, Object>>of(
                Map.entry("exitCrossingCode", "KLE"),
                Map.entry("transitDeadline", OffsetDateTime.parse(deadline).plusDays(30).toString()),
                Map.entry("direction", "IMPORT"))) {
            Map<String, Object> amended = new HashMap<>(body);
            amended.put("reason", "after release");
            amended.put(change.getKey(), change.getValue());
            if (change.getKey().equals("direction")) {
                amended.remove("exitCrossingCode");
                amended.remove("transitDeadline");
            }
            as("SFW").body(amended).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(409)
                    .contentType("application/problem+json").body("detail", containsString(change.getKey()));
        }
        asUser("auditor").get("/api/v1/declarations/" + id).then().body("version", equalTo(2))
                .body("exitCrossingCode", equalTo("ARR")).body("transitDeadline", notNullValue());
        // Only ARR, still the exit crossing, discharges it.
        as("KLE").body(Map.of("exitedAt", Samples.now())).post("/api/v1/declarations/" + id + "/transit-exit")
                .then().statusCode(403);
        as("ARR").body(Map.of("exitedAt", Samples.now())).post("/api/v1/declarations/" + id + "/transit-exit")
                .then().statusCode(200);

        // Goods and values may still be corrected after release; that is what the audit looks at.
        Map<String, Object> corrected = new HashMap<>(body);
        corrected.put("reason", "weight corrected after release");
        firstItem(corrected).put("netWeightKg", "23000.000");
        as("SFW").body(corrected).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(201)
                .body("version", equalTo(3));
    }

    @Test
    void onlyTheFilingCrossingAmends() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        body.put("reason", "not yours");
        as("TRB").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(403);
        asUser("auditor").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(403);
        as("SHL").body(body).post("/api/v1/declarations/1b1f2c9e-0000-4000-8000-000000000000/amendments")
                .then().statusCode(404);
    }

    @Test
    void theDatabaseRefusesToRewriteAVersion() {
        String id = Samples.file(declaration("SHL"));
        String refusal = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestInfrastructure.postgres().psql("bcc_declaration",
                        "UPDATE declaration_version SET trader_name = 'x' WHERE declaration_id = '" + id + "'"))
                .getMessage();
        org.assertj.core.api.Assertions.assertThat(refusal).contains("append-only");
        asUser("auditor").get("/api/v1/declarations/" + id).then().body("trader.name", equalTo("شركة البصرة للحديد"));
    }
}
