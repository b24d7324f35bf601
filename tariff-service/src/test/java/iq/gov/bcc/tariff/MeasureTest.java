package iq.gov.bcc.tariff;

import static iq.gov.bcc.tariff.Api.adValorem;
import static iq.gov.bcc.tariff.Api.admin;
import static iq.gov.bcc.tariff.Api.assess;
import static iq.gov.bcc.tariff.Api.auditor;
import static iq.gov.bcc.tariff.Api.createMeasure;
import static iq.gov.bcc.tariff.Api.declaration;
import static iq.gov.bcc.tariff.Api.measure;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_tariff"))
class MeasureTest {

    @Test
    void mostSpecificPrefixWins() {
        createMeasure(adValorem("8407", "5", "2026-01-01"));
        String subheading = createMeasure(adValorem("840710", "2", "2026-01-01"));

        List<String> prefixes = auditor().queryParam("hsCode", "840710").queryParam("originCountry", "TR")
                .queryParam("at", "2026-04-01").get("/api/v1/measures").then().statusCode(200)
                .extract().jsonPath().getList("hsPrefix");
        assertThat(prefixes).containsExactly("840710", "8407", "84");

        JsonPath sub = assess(declaration("2026-04-01T08:00:00Z", "TR", "840710", "1000000", "IQD", "10", "1", null));
        assertThat(sub.getString("items[0].measureId")).isEqualTo(subheading);
        assertThat(sub.getString("items[0].dutyIqd")).isEqualTo("20000.000");
        JsonPath heading = assess(declaration("2026-04-01T08:00:00Z", "TR", "840721", "1000000", "IQD", "10", "1", null));
        assertThat(heading.getString("items[0].dutyExpression")).isEqualTo("5 %");
        assertThat(heading.getString("items[0].dutyIqd")).isEqualTo("50000.000");
        // Nothing more specific than the SAMPLE chapter band for chapter 85.
        JsonPath chapter = assess(declaration("2026-04-01T08:00:00Z", "TR", "850110", "1000000", "IQD", "10", "1", null));
        assertThat(chapter.getString("items[0].dutyIqd")).isEqualTo("100000.000");
    }

    @Test
    void originExclusionsAndGroups() {
        createMeasure(measure("090111", "ALL", null, "[\"IR\"]", "\"dutyType\":\"AD_VALOREM\",\"adValoremPercent\":20",
                "2026-01-01", null));
        createMeasure(measure("090121", "GROUP", "GCC", "[\"QA\"]", "\"dutyType\":\"AD_VALOREM\",\"adValoremPercent\":1",
                "2026-01-01", null));

        assertThat(duty("090111", "TR")).isEqualTo("200000.000");
        assertThat(duty("090111", "IR")).as("IR is excluded: the chapter 09 band applies").isEqualTo("100000.000");
        assertThat(duty("090121", "SA")).isEqualTo("10000.000");
        assertThat(duty("090121", "QA")).as("QA excluded from the GCC measure").isEqualTo("100000.000");
        assertThat(duty("090121", "TR")).as("TR is not in the GCC").isEqualTo("100000.000");
    }

    private static String duty(String hs, String origin) {
        return assess(declaration("2026-05-01T08:00:00Z", origin, hs, "1000000", "IQD", "10", "1", null))
                .getString("items[0].dutyIqd");
    }

    @Test
    void eachDutyExpressionWithMinimumAndMaximum() {
        createMeasure(measure("440711", "ALL", null, "[]",
                "\"dutyType\":\"AD_VALOREM\",\"adValoremPercent\":20,\"maximumIqd\":1000000", "2026-01-01", null));
        createMeasure(measure("440712", "ALL", null, "[]",
                "\"dutyType\":\"SPECIFIC\",\"specificAmountIqd\":150,\"specificUnit\":\"KG\",\"minimumIqd\":50000",
                "2026-01-01", null));
        createMeasure(measure("440719", "ALL", null, "[]",
                "\"dutyType\":\"SPECIFIC\",\"specificAmountIqd\":2500.5,\"specificUnit\":\"UNIT\"", "2026-01-01", null));
        createMeasure(measure("440721", "ALL", null, "[]",
                "\"dutyType\":\"COMPOUND\",\"adValoremPercent\":5,\"specificAmountIqd\":10,\"specificUnit\":\"KG\","
                        + "\"minimumIqd\":80000,\"maximumIqd\":120000",
                "2026-01-01", null));

        // 20 % of 10,000,000 = 2,000,000, capped at 1,000,000; below the cap it is plain 20 %.
        assertThat(dutyOf("440711", "10000000", "100", "1")).isEqualTo("1000000.000");
        assertThat(dutyOf("440711", "1234567.89", "100", "1")).isEqualTo("246913.578");
        // 150 IQD/kg: 1,000 kg = 150,000; 100 kg = 15,000 raised to the 50,000 minimum.
        assertThat(dutyOf("440712", "1", "1000", "1")).isEqualTo("150000.000");
        assertThat(dutyOf("440712", "1", "100", "1")).isEqualTo("50000.000");
        // 2,500.5 IQD per unit on 3 units.
        assertThat(dutyOf("440719", "1", "999", "3")).isEqualTo("7501.500");
        // 5 % of 1,000,000 + 10 IQD/kg x 2,000 kg = 70,000 -> minimum 80,000; 5 % of 2,000,000 + 20,000 = 120,000 ok;
        // 5 % of 3,000,000 + 20,000 = 170,000 -> maximum 120,000.
        assertThat(dutyOf("440721", "1000000", "2000", "1")).isEqualTo("80000.000");
        assertThat(dutyOf("440721", "1900000", "2000", "1")).isEqualTo("115000.000");
        assertThat(dutyOf("440721", "3000000", "2000", "1")).isEqualTo("120000.000");

        JsonPath compound = assess(declaration("2026-05-01T08:00:00Z", "TR", "440721", "1900000", "IQD", "2000", "1", null));
        assertThat(compound.getString("items[0].dutyExpression")).isEqualTo("5 % + 10 IQD/kg, min 80,000 IQD, max 120,000 IQD");
        assertThat(compound.getString("explanation")).contains("5 % of 1,900,000 IQD = 95,000 IQD")
                .contains("plus 10 IQD per kg on 2000 kg net = 20,000 IQD").contains("rounded half-up to 3 decimals");
    }

    private static String dutyOf(String hs, String amountIqd, String netKg, String quantity) {
        return assess(declaration("2026-05-01T08:00:00Z", "TR", hs, amountIqd, "IQD", netKg, quantity, null))
                .getString("items[0].dutyIqd");
    }

    @Test
    void measureReplacedMidMonth() {
        String first = createMeasure(adValorem("700510", "10", "2026-01-01"));
        admin().body(adValorem("700510", "10", "2026-01-01").replace("\"legalBasis\"",
                "\"validTo\":\"2026-03-15\",\"changeReason\":\"replaced by decision 7/2026\",\"legalBasis\""))
                .put("/api/v1/measures/" + first).then().statusCode(200)
                .body("version", org.hamcrest.Matchers.is(2));
        String second = createMeasure(adValorem("700510", "25", "2026-03-15"));

        // 23:00 on 14 March in Baghdad (UTC+3) is still the old measure; 00:30 on 15 March is the new one.
        JsonPath before = assess(declaration("2026-03-14T20:00:00Z", "TR", "700510", "1000", "IQD", "1", "1", null));
        JsonPath after = assess(declaration("2026-03-14T21:30:00Z", "TR", "700510", "1000", "IQD", "1", "1", null));
        assertThat(before.getString("items[0].measureId")).isEqualTo(first);
        assertThat(before.getInt("items[0].measureVersion")).isEqualTo(2);
        assertThat(before.getString("items[0].dutyIqd")).isEqualTo("100.000");
        assertThat(after.getString("items[0].measureId")).isEqualTo(second);
        assertThat(after.getString("items[0].dutyIqd")).isEqualTo("250.000");
    }

    @Test
    void asKnownAtReturnsTheOldBeliefAfterARetroactiveChange() {
        JsonPath created = admin().body(adValorem("690721", "12", "2026-01-01")).post("/api/v1/measures").then()
                .statusCode(201).extract().jsonPath();
        String id = created.getString("measureId");
        String believedAt = created.getString("recordedAt");

        admin().body(adValorem("690721", "8", "2026-01-01").replace("\"legalBasis\"",
                "\"changeReason\":\"retroactive correction\",\"legalBasis\"")).put("/api/v1/measures/" + id)
                .then().statusCode(200);

        JsonPath then = auditor().queryParam("hsCode", "690721").queryParam("at", "2026-02-01")
                .queryParam("asKnownAt", believedAt).get("/api/v1/measures").then().statusCode(200).extract().jsonPath();
        assertThat(then.getString("[0].measureId")).isEqualTo(id);
        assertThat(then.getInt("[0].version")).isEqualTo(1);
        assertThat(then.getString("[0].dutyExpression")).isEqualTo("12 %");

        JsonPath now = auditor().queryParam("hsCode", "690721").queryParam("at", "2026-02-01")
                .get("/api/v1/measures").then().statusCode(200).extract().jsonPath();
        assertThat(now.getInt("[0].version")).isEqualTo(2);
        assertThat(now.getString("[0].dutyExpression")).isEqualTo("8 %");

        JsonPath versions = auditor().get("/api/v1/measures/" + id + "/versions").then().statusCode(200).extract()
                .jsonPath();
        assertThat(versions.getList("version")).containsExactly(1, 2);
        assertThat(versions.getString("[0].supersededAt")).isNotNull();
        assertThat(versions.getString("[1].supersededAt")).isNull();

        // Before the measure was recorded at all, nothing more specific than the chapter was known.
        List<String> before = auditor().queryParam("hsCode", "690721").queryParam("at", "2026-02-01")
                .queryParam("asKnownAt", "2025-06-01T00:00:00Z").get("/api/v1/measures").then().statusCode(200)
                .extract().jsonPath().getList("hsPrefix");
        assertThat(before).containsExactly("69");
    }

    @Test
    void csvImportIsAllOrNothing() {
        String csv = "hsPrefix,originScope,originCode,excludedCountries,dutyType,adValoremPercent,specificAmountIqd,"
                + "specificUnit,minimumIqd,maximumIqd,validFrom,validTo,legalBasis\n"
                + "391610,ALL,,IR;SY,AD_VALOREM,15,,,,,2026-01-01,,\"Schedule 2026, line 391610\"\n"
                + "391620,COUNTRY,TR,,COMPOUND,5,7,KG,,90000,2026-01-01,2027-01-01,Schedule 2026\n";
        JsonPath imported = admin().contentType("text/csv").body(csv).post("/api/v1/measures/import").then()
                .statusCode(200).extract().jsonPath();
        assertThat(imported.getInt("created")).isEqualTo(2);
        assertThat(imported.getList("measures.excludedCountries[0]")).containsExactly("IR", "SY");
        assertThat(imported.getString("measures[0].legalBasis")).isEqualTo("Schedule 2026, line 391610");

        String bad = csv.replace("391610", "391690").replace("391620,COUNTRY,TR", "391699,COUNTRY,XX");
        admin().contentType("text/csv").body(bad).post("/api/v1/measures/import").then().statusCode(422)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("line 3"));
        assertThat(auditor().queryParam("hsCode", "391690").queryParam("at", "2026-02-01").get("/api/v1/measures")
                .then().statusCode(200).extract().jsonPath().getList("hsPrefix")).containsExactly("39");
    }
}
