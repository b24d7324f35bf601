package iq.gov.bcc.tariff;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import iq.gov.bcc.localstack.Tokens;
import java.util.UUID;

/** Small helpers shared by the HTTP tests: real Keycloak tokens and the bodies the API takes. */
final class Api {

    private Api() {
    }

    static RequestSpecification admin() {
        return given().auth().oauth2(Tokens.user("tariff-admin")).contentType(ContentType.JSON)
                .log().ifValidationFails();
    }

    static RequestSpecification auditor() {
        return given().auth().oauth2(Tokens.user("auditor")).contentType(ContentType.JSON).log().ifValidationFails();
    }

    static String adValorem(String prefix, String percent, String validFrom) {
        return measure(prefix, "ALL", null, "[]", "\"dutyType\":\"AD_VALOREM\",\"adValoremPercent\":" + percent,
                validFrom, null);
    }

    static String measure(String prefix, String scope, String originCode, String excluded, String duty,
            String validFrom, String validTo) {
        return "{\"hsPrefix\":\"" + prefix + "\",\"originScope\":\"" + scope + "\","
                + (originCode == null ? "" : "\"originCode\":\"" + originCode + "\",")
                + "\"excludedCountries\":" + excluded + "," + duty + ",\"validFrom\":\"" + validFrom + "\","
                + (validTo == null ? "" : "\"validTo\":\"" + validTo + "\",")
                + "\"legalBasis\":\"Test schedule\"}";
    }

    /** Creates a measure as tariff-admin and returns its id. */
    static String createMeasure(String body) {
        return admin().body(body).post("/api/v1/measures").then().statusCode(201).extract().path("measureId");
    }

    /** A one-item declaration. */
    static String declaration(String lodgedAt, String origin, String hsCode, String amount, String currency,
            String netKg, String quantity, String licence) {
        return declaration(UUID.randomUUID().toString(), 1, lodgedAt, origin, "IQ-100200300",
                item(1, hsCode, amount, currency, netKg, quantity, licence));
    }

    static String declaration(String id, int version, String lodgedAt, String origin, String taxId, String... items) {
        return "{\"declarationId\":\"" + id + "\",\"version\":" + version + ",\"crossingCode\":\"SHL\","
                + "\"reference\":\"SHL-T-" + id.substring(0, 8) + "\",\"direction\":\"IMPORT\",\"lodgedAt\":\""
                + lodgedAt + "\",\"trader\":{\"taxId\":\"" + taxId + "\",\"name\":\"شركة البصرة للحديد\"},"
                + "\"vehiclePlate\":\"BSR 12345\",\"originCountry\":\"" + origin + "\",\"items\":["
                + String.join(",", items) + "],\"lane\":\"GREEN\",\"laneRule\":\"random\"}";
    }

    static String item(int line, String hsCode, String amount, String currency, String netKg, String quantity,
            String licence) {
        return "{\"line\":" + line + ",\"hsCode\":\"" + hsCode + "\",\"description\":\"test goods\",\"quantity\":"
                + quantity + ",\"unit\":\"KGM\",\"netWeightKg\":" + netKg + ",\"grossWeightKg\":" + netKg
                + ",\"customsValue\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"},"
                + "\"exemptionLicence\":" + (licence == null ? "null" : "\"" + licence + "\"") + "}";
    }

    static JsonPath assess(String declaration) {
        return auditor().body(declaration).post("/api/v1/assessments").then().statusCode(200).extract().jsonPath();
    }
}
