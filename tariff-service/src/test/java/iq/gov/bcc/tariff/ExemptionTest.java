package iq.gov.bcc.tariff;

import static iq.gov.bcc.tariff.Api.admin;
import static iq.gov.bcc.tariff.Api.assess;
import static iq.gov.bcc.tariff.Api.auditor;
import static iq.gov.bcc.tariff.Api.declaration;
import static iq.gov.bcc.tariff.Api.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_tariff"))
class ExemptionTest {

    static String licence(String number, String kind, String rate, String quotaKg, String validFrom, String validTo) {
        return "{\"number\":\"" + number + "\",\"holder\":{\"taxId\":\"IQ-100200300\",\"name\":\"شركة البصرة للحديد\"},"
                + "\"kind\":\"" + kind + "\",\"hsScope\":[\"8502\",\"8504\"],"
                + (quotaKg == null ? "" : "\"quantityQuotaKg\":" + quotaKg + ",")
                + (rate == null ? "" : "\"implementationRate\":" + rate + ",")
                + "\"validFrom\":\"" + validFrom + "\"," + (validTo == null ? "" : "\"validTo\":\"" + validTo + "\",")
                + "\"legalBasis\":\"Investment Law No. 13 of 2006\"}";
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static JsonPath withLicence(String lodgedAt, String hs, String netKg, String number) {
        return assess(declaration(lodgedAt, "TR", hs, "1000000",
                "IQD", netKg, "1", number));
    }

    @Test
    void aLicenceRoundTripsArabicAndIsAppliedWhileValid() {
        String number = unique("OTH");
        admin().body(licence(number, "OTHER", null, null, "2026-01-01", "2027-01-01")).post("/api/v1/exemptions/licences")
                .then().statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/exemptions/licences/" + number));
        auditor().get("/api/v1/exemptions/licences/" + number).then().statusCode(200)
                .body("holder.name", is("شركة البصرة للحديد")).body("status", is("ACTIVE"));
        admin().body(licence(number, "OTHER", null, null, "2026-01-01", null)).post("/api/v1/exemptions/licences")
                .then().statusCode(409).contentType("application/problem+json");

        JsonPath applied = withLicence("2026-02-01T08:00:00Z", "850211", "100", number);
        assertThat(applied.getBoolean("items[0].exemption.applied")).isTrue();
        assertThat(applied.getString("items[0].exemption.refusal")).isNull();
        assertThat(applied.getString("items[0].dutyBeforeExemptionIqd")).isEqualTo("100000.000");
        assertThat(applied.getString("items[0].exemption.waivedIqd")).isEqualTo("100000.000");
        assertThat(applied.getString("items[0].dutyIqd")).isEqualTo("0.000");

        assertThat(refusal(withLicence("2025-12-31T08:00:00Z", "850211", "100", number))).isEqualTo("NOT_YET_VALID");
        assertThat(refusal(withLicence("2027-01-01T08:00:00Z", "850211", "100", number))).isEqualTo("EXPIRED");
        assertThat(refusal(withLicence("2026-02-01T08:00:00Z", "870323", "100", number))).isEqualTo("OUT_OF_SCOPE");
        assertThat(refusal(withLicence("2026-02-01T08:00:00Z", "850211", "100", "NO-SUCH-LICENCE"))).isEqualTo("UNKNOWN");
        JsonPath otherHolder = assess(Api.declaration(UUID.randomUUID().toString(), 1, "2026-02-01T08:00:00Z", "TR",
                "IQ-999", item(1, "850211", "1000000", "IQD", "100", "1", number)));
        assertThat(refusal(otherHolder)).isEqualTo("HOLDER_MISMATCH");
        // A preview consumes no quota.
        assertThat(auditor().get("/api/v1/exemptions/licences/" + number).then().extract().jsonPath()
                .getString("quantityUsedKg")).isIn("0", "0.0", "0.000");
    }

    @Test
    void aLicenceUsedAfterItsRevocationIsRefused() {
        String number = unique("INV");
        admin().body(licence(number, "OTHER", null, null, "2025-01-01", null)).post("/api/v1/exemptions/licences")
                .then().statusCode(201);
        admin().body("{\"effectiveFrom\":\"2026-03-01\",\"reason\":\"goods resold\",\"legalBasis\":\"decree 12/2026\"}")
                .post("/api/v1/exemptions/licences/" + number + "/revocation").then().statusCode(200)
                .body("status", is("REVOKED")).body("revocation.effectiveFrom", is("2026-03-01"));
        admin().body("{\"effectiveFrom\":\"2026-03-01\",\"reason\":\"again\",\"legalBasis\":\"decree 12/2026\"}")
                .post("/api/v1/exemptions/licences/" + number + "/revocation").then().statusCode(409);
        admin().body("{\"effectiveFrom\":\"2026-03-01\",\"reason\":\"x\",\"legalBasis\":\"y\"}")
                .post("/api/v1/exemptions/licences/NOPE-1/revocation").then().statusCode(404)
                .contentType("application/problem+json");

        JsonPath before = withLicence("2026-02-28T08:00:00Z", "850211", "100", number);
        assertThat(before.getBoolean("items[0].exemption.applied")).isTrue();
        JsonPath after = withLicence("2026-03-01T08:00:00Z", "850211", "100", number);
        assertThat(after.getBoolean("items[0].exemption.applied")).isFalse();
        assertThat(after.getString("items[0].exemption.refusal")).isEqualTo("REVOKED");
        assertThat(after.getString("items[0].exemption.detail")).contains("2026-03-01").contains("decree 12/2026");
        assertThat(after.getString("items[0].dutyIqd")).isEqualTo("100000.000");
    }

    @Test
    void beyondQuotaIsRefusedCountingEarlierLinesOfTheSameDeclaration() {
        String number = unique("QTA");
        admin().body(licence(number, "OTHER", null, "1000", "2026-01-01", null)).post("/api/v1/exemptions/licences")
                .then().statusCode(201);
        assertThat(refusal(withLicence("2026-02-01T08:00:00Z", "850211", "1500", number))).isEqualTo("OVER_QUOTA");
        JsonPath two = assess(Api.declaration(UUID.randomUUID().toString(), 1, "2026-02-01T08:00:00Z", "TR",
                "IQ-100200300", item(1, "850211", "1000", "IQD", "600", "1", number),
                item(2, "850212", "1000", "IQD", "600", "1", number)));
        assertThat(two.getBoolean("items[0].exemption.applied")).isTrue();
        assertThat(two.getString("items[1].exemption.refusal")).isEqualTo("OVER_QUOTA");
        assertThat(two.getString("items[1].exemption.detail")).contains("600 of 1,000 kg");
    }

    @Test
    void bulkRevocationByImplementationRate() {
        String low = unique("INV"), threshold = unique("INV"), high = unique("INV"), state = unique("STA");
        admin().body(licence(low, "INVESTMENT", "20", null, "2025-01-01", null)).post("/api/v1/exemptions/licences").then().statusCode(201);
        admin().body(licence(threshold, "INVESTMENT", "35", null, "2025-01-01", null)).post("/api/v1/exemptions/licences").then().statusCode(201);
        admin().body(licence(high, "INVESTMENT", "60", null, "2025-01-01", null)).post("/api/v1/exemptions/licences").then().statusCode(201);
        admin().body(licence(state, "STATE", "10", null, "2025-01-01", null)).post("/api/v1/exemptions/licences").then().statusCode(201);

        JsonPath result = admin().body("{\"kind\":\"INVESTMENT\",\"implementationRateAtOrBelow\":35,"
                + "\"effectiveFrom\":\"2026-04-01\",\"reason\":\"implementation at or below 35 %\","
                + "\"legalBasis\":\"Council of Ministers decree 12/2026\"}")
                .post("/api/v1/exemptions/revocations").then().statusCode(200).extract().jsonPath();
        List<String> revoked = result.getList("revoked.number");
        assertThat(revoked).contains(low, threshold).doesNotContain(high, state);
        assertThat(result.getInt("revokedCount")).isEqualTo(revoked.size());
        assertThat(result.getList("revoked.status")).containsOnly("REVOKED");

        auditor().get("/api/v1/exemptions/licences/" + high).then().body("status", is("ACTIVE"));
        auditor().get("/api/v1/exemptions/licences/" + state).then().body("status", is("ACTIVE"));
        auditor().get("/api/v1/exemptions/licences/" + low).then().body("status", is("REVOKED"))
                .body("revocation.legalBasis", is("Council of Ministers decree 12/2026"));
        assertThat(refusal(withLicence("2026-04-02T08:00:00Z", "850211", "1", low))).isEqualTo("REVOKED");
        assertThat(withLicence("2026-03-31T08:00:00Z", "850211", "1", low).getBoolean("items[0].exemption.applied")).isTrue();

        admin().body("{\"effectiveFrom\":\"2026-04-01\",\"reason\":\"x\",\"legalBasis\":\"y\"}")
                .post("/api/v1/exemptions/revocations").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void bulkRevocationOfStateAndInstitutionalExemptionsByDecree() {
        String basis = "Council of Ministers decision " + UUID.randomUUID();
        String state = unique("STA"), institutional = unique("INS"), other = unique("STA");
        admin().body(licence(state, "STATE", null, null, "2025-01-01", null).replace("Investment Law No. 13 of 2006", basis))
                .post("/api/v1/exemptions/licences").then().statusCode(201);
        admin().body(licence(institutional, "INSTITUTIONAL", null, null, "2025-01-01", null)
                .replace("Investment Law No. 13 of 2006", basis)).post("/api/v1/exemptions/licences").then().statusCode(201);
        admin().body(licence(other, "STATE", null, null, "2025-01-01", null)).post("/api/v1/exemptions/licences")
                .then().statusCode(201);

        JsonPath result = admin().body("{\"kind\":[\"STATE\",\"INSTITUTIONAL\"],\"licenceLegalBasis\":\"" + basis
                + "\",\"effectiveFrom\":\"2026-01-15\",\"reason\":\"exemptions abolished\",\"legalBasis\":\"Decree 5/2026\"}")
                .post("/api/v1/exemptions/revocations").then().statusCode(200).extract().jsonPath();
        assertThat(result.getList("revoked.number")).containsExactlyInAnyOrder(state, institutional);
        auditor().get("/api/v1/exemptions/licences/" + other).then().body("status", is("ACTIVE"));
        assertThat(auditor().queryParam("kind", "INSTITUTIONAL").queryParam("status", "REVOKED")
                .get("/api/v1/exemptions/licences").then().statusCode(200).extract().jsonPath()
                .<String>getList("number")).contains(institutional);
        auditor().queryParam("kind", "FRIENDS").get("/api/v1/exemptions/licences").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", is("kind"))
                .body("violations[0].in", is("query"));
    }

    private static String refusal(JsonPath assessment) {
        assertThat(assessment.getBoolean("items[0].exemption.applied")).isFalse();
        return assessment.getString("items[0].exemption.refusal");
    }
}
