package iq.gov.bcc.declaration;

import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.asUser;
import static iq.gov.bcc.declaration.Samples.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import iq.gov.bcc.localstack.LocalStackTestResource;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class PaymentTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Map<String, Object> receipt(String crossing, String declarationId, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("crossingCode", crossing);
        body.put("receiptNumber", "R-" + UUID.randomUUID().toString().substring(0, 8));
        body.put("declarationId", declarationId);
        body.put("amount", Map.of("amount", amount, "currency", "IQD"));
        body.put("method", "CASH");
        body.put("paidAt", Samples.now());
        return body;
    }

    @Test
    void aReceiptIsRecordedOnceWhateverTheRetries() {
        String declarationId = Samples.file(declaration("SHL"));
        Map<String, Object> body = receipt("SHL", declarationId, "2593800.000");
        String id = as("SHL").body(body).post("/api/v1/payments").then().statusCode(201)
                .header("Location", containsString("/api/v1/payments/"))
                .body("declarationKnown", equalTo(true))
                .body("amount.amount", equalTo("2593800.000"))
                .extract().path("id");
        as("SHL").body(body).post("/api/v1/payments").then().statusCode(200).body("id", equalTo(id));
        body.put("amount", Map.of("amount", "2593800", "currency", "IQD"));
        as("SHL").body(body).post("/api/v1/payments").then().statusCode(200).body("id", equalTo(id));

        body.put("amount", Map.of("amount", "100.000", "currency", "IQD"));
        as("SHL").body(body).post("/api/v1/payments").then().statusCode(409)
                .body("detail", containsString((String) body.get("receiptNumber")));
        asUser("auditor").get("/api/v1/payments/" + id).then().statusCode(200).body("amount.amount", equalTo("2593800.000"));
    }

    @Test
    void theSameReceiptNumberAtAnotherCrossingIsAnotherReceipt() {
        String first = Samples.file(declaration("SHL"));
        String second = Samples.file(declaration("SFW"));
        Map<String, Object> atShalamcha = receipt("SHL", first, "1000");
        Map<String, Object> atSafwan = receipt("SFW", second, "1000");
        atSafwan.put("receiptNumber", atShalamcha.get("receiptNumber"));
        as("SHL").body(atShalamcha).post("/api/v1/payments").then().statusCode(201);
        as("SFW").body(atSafwan).post("/api/v1/payments").then().statusCode(201);
    }

    @Test
    void aReceiptForAnUnknownDeclarationIsRecordedForTheAuditors() {
        Map<String, Object> body = receipt("SHL", UUID.randomUUID().toString(), "5000");
        as("SHL").body(body).post("/api/v1/payments").then().statusCode(201).body("declarationKnown", equalTo(false));
    }

    @Test
    void badReceiptsAreRefusedNamingTheField() {
        String declarationId = Samples.file(declaration("SHL"));
        Map<String, Object> body = receipt("SHL", declarationId, "abc");
        as("SHL").body(body).post("/api/v1/payments").then().statusCode(400)
                .body("violations.field", hasItem("amount.amount"));
        body = receipt("SHL", "not-a-uuid", "100");
        as("SHL").body(body).post("/api/v1/payments").then().statusCode(400);
        body = receipt("SHL", declarationId, "100");
        body.put("method", "BARTER");
        as("SHL").body(body).post("/api/v1/payments").then().statusCode(400);
        body = receipt("SHL", declarationId, "100");
        body.remove("paidAt");
        as("SHL").body(body).post("/api/v1/payments").then().statusCode(400).body("violations.field", hasItem("paidAt"));
    }

    @Test
    void aCrossingRecordsAndReadsOnlyItsOwnReceipts() {
        String declarationId = Samples.file(declaration("SHL"));
        as("TRB").body(receipt("SHL", declarationId, "100")).post("/api/v1/payments").then().statusCode(403);
        asUser("auditor").body(receipt("SHL", declarationId, "100")).post("/api/v1/payments").then().statusCode(403);
        String id = as("SHL").body(receipt("SHL", declarationId, "100")).post("/api/v1/payments").then()
                .statusCode(201).extract().path("id");
        as("TRB").get("/api/v1/payments/" + id).then().statusCode(403);
        as("SHL").get("/api/v1/payments/" + id).then().statusCode(200);

        // Trebil's own receipt naming Shalamcha's declaration would settle it: refused, nothing recorded.
        String before = Samples.footprint();
        as("TRB").body(receipt("TRB", declarationId, "2593800")).post("/api/v1/payments").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("belongs to crossing SHL"));
        assertThat(Samples.footprint()).isEqualTo(before);
        asUser("auditor").get("/api/v1/payments/" + UUID.randomUUID()).then().statusCode(404);
    }
}
