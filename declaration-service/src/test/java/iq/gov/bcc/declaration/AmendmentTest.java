package iq.gov.bcc.declaration;

import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.asUser;
import static iq.gov.bcc.declaration.Samples.declaration;
import static iq.gov.bcc.declaration.Samples.firstItem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.TestInfrastructure;
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
