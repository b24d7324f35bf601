package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.asUser;
import static iq.gov.bcc.declaration.Samples.declaration;
import static iq.gov.bcc.declaration.Samples.firstItem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import iq.gov.bcc.declaration.rest.api.DeclarationRequest;
import iq.gov.bcc.declaration.service.Fingerprint;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.TestInfrastructure;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class DeclarationFilingTest {

    @Inject
    Fingerprint fingerprint;

    @Inject
    ObjectMapper json;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void filesADeclarationWithLocationLaneAndArabicTextIntact() {
        Map<String, Object> body = declaration("SHL");
        String id = as("SHL").body(body).post("/api/v1/declarations")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/declarations/"))
                .body("version", equalTo(1))
                .body("status", equalTo("FILED"))
                .body("lane", equalTo("GREEN"))
                .body("laneRule", equalTo("default"))
                .body("crossingCode", equalTo("SHL"))
                .body("trader.name", equalTo("شركة البصرة للحديد"))
                .body("items[0].line", equalTo(1))
                .body("items[0].customsValue.amount", equalTo("13200.00"))
                .extract().path("id");

        asUser("auditor").get("/api/v1/declarations/" + id).then().statusCode(200)
                .body("reference", equalTo(body.get("reference")))
                .body("trader.name", equalTo("شركة البصرة للحديد"))
                .body("items[0].netWeightKg", equalTo(24000.0f))
                .body("weighings", empty());
    }

    /**
     * The filing's rows are written with JDBC and read with Hibernate: every field of what the filing
     * answered, and of its first version, must come back from the database unchanged.
     */
    @Test
    void everyFiledFieldReadsBackFromTheDatabaseAsFiled() {
        Map<String, Object> body = Samples.transit("SHL", "TRB");
        firstItem(body).put("description", "قضبان حديد التسليح، مدرفلة على الساخن");
        firstItem(body).put("exemptionLicence", "INV-2026-0042");
        Samples.items(body).add(Samples.item("870421", "7000.5", "7100.125", "0.01"));
        Map<?, ?> filed = instants(as("SHL").body(body).post("/api/v1/declarations").then().statusCode(201)
                .extract().as(Map.class));
        String id = (String) filed.get("id");

        Map<?, ?> read = instants(asUser("auditor").get("/api/v1/declarations/" + id).then().statusCode(200)
                .extract().as(Map.class));
        assertEquals(filed, read);
        assertEquals("TRANSIT", read.get("direction"));
        assertEquals(2, ((List<?>) read.get("items")).size());

        Map<?, ?> version = instants(asUser("auditor").get("/api/v1/declarations/" + id + "/versions/1").then()
                .statusCode(200).extract().as(Map.class));
        for (String field : List.of("direction", "exitCrossingCode", "transitDeadline", "lodgedAt", "trader",
                "vehiclePlate", "originCountry", "items", "recordedAt")) {
            assertEquals(filed.get(field), version.get(field), field);
        }
        assertEquals("service-account-crossing-shl", version.get("recordedBy"));
    }

    /** Times compared as instants: the answer to a filing keeps the crossing's offset, a read gives UTC. */
    private static Map<?, ?> instants(Map<?, ?> json) {
        Map<Object, Object> copy = new TreeMap<>();
        json.forEach((k, v) -> copy.put(k, instantsIn(v)));
        return copy;
    }

    private static Object instantsIn(Object json) {
        if (json instanceof Map<?, ?> map) {
            return instants(map);
        }
        if (json instanceof List<?> list) {
            return list.stream().map(DeclarationFilingTest::instantsIn).toList();
        }
        if (json instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
            return OffsetDateTime.parse(text).toInstant();
        }
        return json;
    }

    @Test
    void repostingTheSameBodyReturnsTheExistingDeclarationAndADifferentBodyConflicts() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);

        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(200).body("id", equalTo(id));

        firstItem(body).put("netWeightKg", "20000.000");
        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("Conflict"))
                .body("detail", containsString(id));
    }

    @Test
    void decimalsAreComparedByValueSoAReformattedRetryIsStillARetry() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        firstItem(body).put("netWeightKg", "24000");
        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(200).body("id", equalTo(id));
        // Amounts are decimal strings, and compared by value as well: "13200" is the "13200.00" filed.
        firstItem(body).put("customsValue", Map.of("amount", "13200", "currency", "USD"));
        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(200).body("id", equalTo(id));
        firstItem(body).put("customsValue", Map.of("amount", "13200.5", "currency", "USD"));
        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(409);
    }

    @Test
    void aRetryOfADeclarationPrintedBeforeAmountsWereComparedByValueIsStillARetry() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        DeclarationRequest request = json.convertValue(body, DeclarationRequest.class);
        String printedBefore = fingerprint.of(List.of("SHL", body.get("reference"),
                fingerprint.asPrintedBefore(request.content())));
        TestInfrastructure.postgres().psql("bcc_declaration", "UPDATE declaration SET filing_fingerprint = '"
                + printedBefore + "' WHERE id = '" + id + "'");

        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(200).body("id", equalTo(id));
        firstItem(body).put("netWeightKg", "20000.000");
        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(409);
    }

    @Test
    void riskRulesChooseTheLaneAndNameTheRule() {
        Map<String, Object> body = declaration("QAM");
        firstItem(body).put("hsCode", "930630");
        as("QAM").body(body).post("/api/v1/declarations").then().statusCode(201)
                .body("lane", equalTo("RED")).body("laneRule", equalTo("arms-and-ammunition"));

        Map<String, Object> generators = declaration("MND");
        firstItem(generators).put("hsCode", "850211");
        as("MND").body(generators).post("/api/v1/declarations").then().statusCode(201)
                .body("lane", equalTo("YELLOW")).body("laneRule", equalTo("generators-via-iran"));

        generators = declaration("TRB");
        generators.put("originCountry", "JO");
        firstItem(generators).put("hsCode", "850211");
        as("TRB").body(generators).post("/api/v1/declarations").then().statusCode(201).body("lane", equalTo("GREEN"));
    }

    static Stream<Arguments> invalidDeclarations() {
        return Stream.of(
                bad("items[0].hsCode", b -> firstItem(b).put("hsCode", "72142")),
                bad("items[0].hsCode", b -> firstItem(b).put("hsCode", "72142A")),
                bad("originCountry", b -> b.put("originCountry", "XX")),
                bad("originCountry", b -> b.put("originCountry", "iran")),
                bad("crossingCode", b -> b.put("crossingCode", "ZZZ")),
                bad("items[0].customsValue.currency", b -> ((Map<String, Object>) firstItem(b).get("customsValue")).put("currency", "DOLLARS")),
                bad("items[0].customsValue.amount", b -> ((Map<String, Object>) firstItem(b).get("customsValue")).put("amount", "12.5.3")),
                bad("items[0].customsValue.amount", b -> ((Map<String, Object>) firstItem(b).get("customsValue")).put("amount", "-100")),
                bad("items[0].customsValue.amount", b -> ((Map<String, Object>) firstItem(b).get("customsValue")).put("amount", "0.00")),
                bad("items[0].customsValue.amount", b -> ((Map<String, Object>) firstItem(b).get("customsValue")).put("amount", "1e400")),
                bad("items[0].netWeightKg", b -> firstItem(b).put("netWeightKg", "-5")),
                bad("items[0].grossWeightKg", b -> firstItem(b).put("grossWeightKg", "0")),
                bad("items[0].grossWeightKg", b -> firstItem(b).put("grossWeightKg", "23000.000")),
                bad("items[0].quantity", b -> firstItem(b).put("quantity", 0)),
                bad("items[0].description", b -> firstItem(b).put("description", "steel\u0000bars")),
                bad("items[0].unit", b -> firstItem(b).put("unit", "kilograms")),
                bad("items", b -> b.put("items", List.of())),
                bad("reference", b -> b.put("reference", "")),
                bad("reference", b -> b.put("reference", "SHL 1; DROP TABLE declaration")),
                bad("trader.taxId", b -> ((Map<String, Object>) b.get("trader")).remove("taxId")),
                bad("vehiclePlate", b -> b.put("vehiclePlate", "<script>")),
                bad("lodgedAt", b -> b.put("lodgedAt", OffsetDateTime.now().plusDays(1).toString())),
                bad("exitCrossingCode", b -> b.put("exitCrossingCode", "TRB")),
                bad("exitCrossingCode", b -> b.put("direction", "TRANSIT")),
                bad("transitDeadline", b -> {
                    b.put("direction", "TRANSIT");
                    b.put("exitCrossingCode", "TRB");
                }),
                bad("reason", b -> b.put("reason", "amendments only")));
    }

    @SuppressWarnings("unchecked")
    private static Arguments bad(String field, Consumer<Map<String, Object>> change) {
        return Arguments.of(field, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDeclarations")
    void invalidInputIsRefusedNamingTheFieldAndNothingIsWritten(String field, Consumer<Map<String, Object>> change) {
        Map<String, Object> body = declaration("SHL");
        change.accept(body);
        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(field));

        org.assertj.core.api.Assertions.assertThat(Samples.rowsWithReference((String) body.get("reference"))).isZero();
    }

    @Test
    void malformedJsonAndUnknownEnumValuesAreClearProblems() {
        as("SHL").body("{\"crossingCode\": \"SHL\", ").post("/api/v1/declarations").then().statusCode(400)
                .contentType("application/problem+json").body("title", equalTo("Bad Request"))
                .body("detail", not(containsString("com.fasterxml")));

        Map<String, Object> body = declaration("SHL");
        body.put("direction", "SMUGGLE");
        as("SHL").body(body).post("/api/v1/declarations").then().statusCode(400)
                .contentType("application/problem+json");

        Map<String, Object> noOffset = declaration("SHL");
        noOffset.put("lodgedAt", "2026-11-21T09:30:00");
        as("SHL").body(noOffset).post("/api/v1/declarations").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void scriptAndSqlTextIsStoredLiterallyAndReturnedAsJsonText() {
        Map<String, Object> body = declaration("SHL");
        String hostile = "<script>alert(1)</script>'; DROP TABLE declaration; --";
        firstItem(body).put("description", hostile);
        String id = Samples.file(body);
        asUser("auditor").get("/api/v1/declarations/" + id).then().statusCode(200)
                .contentType(ContentType.JSON).body("items[0].description", equalTo(hostile));
    }

    @Test
    void anOversizedBodyIs413AndNothingIsWritten() throws Exception {
        Map<String, Object> body = declaration("SHL");
        firstItem(body).put("description", "x".repeat(5 * 1024 * 1024));
        // Expect: 100-continue lets the server refuse before the client has sent 5 MB.
        Samples.Answer answer = Samples.postHeadOnly("/api/v1/declarations", iq.gov.bcc.localstack.Tokens.crossing("SHL"),
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsBytes(body).length);
        org.assertj.core.api.Assertions.assertThat(answer.status()).isEqualTo(413);
        org.assertj.core.api.Assertions.assertThat(answer.contentType()).isEqualTo("application/problem+json");
        org.assertj.core.api.Assertions.assertThat(Samples.rowsWithReference((String) body.get("reference"))).isZero();
    }

    @Test
    void deeplyNestedJsonIsRefusedCleanly() {
        String nested = "{\"crossingCode\":\"SHL\",\"trader\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        as("SHL").body(nested).post("/api/v1/declarations").then().statusCode(400)
                .contentType("application/problem+json").body("violations.field", hasItem("trader"));
    }

    @Test
    void withoutAValidTokenTheAnswerIs401() {
        given().contentType(ContentType.JSON).body(declaration("SHL")).post("/api/v1/declarations")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(declaration("SHL"))
                .post("/api/v1/declarations").then().statusCode(401);
        given().get("/api/v1/declarations").then().statusCode(401);
    }

    @Test
    void aCrossingWritesOnlyForItselfAndPeopleDoNotFile() {
        as("SHL").body(declaration("TRB")).post("/api/v1/declarations").then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("SHL"));
        asUser("auditor").body(declaration("SHL")).post("/api/v1/declarations").then().statusCode(403);
        asUser("tariff-admin").body(declaration("SHL")).post("/api/v1/declarations").then().statusCode(403);
    }

    @Test
    void aCrossingReadsOnlyItsOwnDeclarations() {
        String id = Samples.file(declaration("SHL"));
        as("SHL").get("/api/v1/declarations/" + id).then().statusCode(200);
        as("TRB").get("/api/v1/declarations/" + id).then().statusCode(403);
        asUser("tariff-admin").get("/api/v1/declarations/" + id).then().statusCode(403);
        asUser("senior").get("/api/v1/declarations/" + id).then().statusCode(200);
        asUser("auditor").get("/api/v1/declarations/6b1f2c9e-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void healthAndTheOpenApiDocumentNeedNoToken() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", notNullValue())
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                .body("paths.'/api/v1/declarations'.post.responses.'409'", notNullValue())
                // every operation that takes a body documents the 413 of a body over the limit
                .body("paths.'/api/v1/payments'.post.responses.'413'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/declarations/{id}/weighings'.post.responses.'413'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/declarations/batch'.post.responses.'413'.description", startsWith("Too many lines"))
                .body("info.title", startsWith("BCC declaration service"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("bcc_outbox_published_total"))
                .body(containsString("http_server_requests_seconds"));
        given().get("/q/health/well").then().statusCode(200)
                .body("checks.name", hasItem("kafka-outbox"));
    }
}
