package iq.gov.bcc.tariff;

import static iq.gov.bcc.tariff.Api.admin;
import static iq.gov.bcc.tariff.Api.assess;
import static iq.gov.bcc.tariff.Api.auditor;
import static iq.gov.bcc.tariff.Api.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_tariff"))
class ExchangeRateTest {

    @Test
    void theRateInForceOnTheLodgementDayIsUsed() {
        admin().body("{\"currency\":\"CHF\",\"rateToIqd\":1500,\"validFrom\":\"2026-01-01\",\"source\":\"CBI bulletin 1\"}")
                .post("/api/v1/exchange-rates").then().statusCode(201).body("currency", is("CHF"));
        admin().body("{\"currency\":\"CHF\",\"rateToIqd\":1600.25,\"validFrom\":\"2026-06-01\",\"source\":\"CBI bulletin 2\"}")
                .post("/api/v1/exchange-rates").then().statusCode(201);

        // Chapter 85 SAMPLE band: 10 %.
        JsonPath may = assess(declaration("2026-05-31T12:00:00Z", "TR", "850110", "1000", "CHF", "10", "1", null));
        assertThat(may.getString("items[0].exchangeRate.currency")).isEqualTo("CHF");
        assertThat(may.getString("items[0].exchangeRate.rateToIqd")).isEqualTo("1500.0000");
        assertThat(may.getString("items[0].exchangeRate.validFrom")).isEqualTo("2026-01-01");
        assertThat(may.getString("items[0].customsValueIqd")).isEqualTo("1500000.000");
        assertThat(may.getString("items[0].dutyIqd")).isEqualTo("150000.000");

        JsonPath june = assess(declaration("2026-06-02T12:00:00Z", "TR", "850110", "1000", "CHF", "10", "1", null));
        assertThat(june.getString("items[0].exchangeRate.rateToIqd")).isEqualTo("1600.2500");
        assertThat(june.getString("items[0].customsValueIqd")).isEqualTo("1600250.000");
        assertThat(june.getString("totalDutyIqd")).isEqualTo("160025.000");

        assertThat(auditor().queryParam("currency", "CHF").queryParam("at", "2026-03-01").get("/api/v1/exchange-rates")
                .then().statusCode(200).extract().jsonPath().getString("[0].rateToIqd")).isEqualTo("1500.0");
    }

    @Test
    void sampleRatesAreShippedAndLabelled() {
        JsonPath usd = auditor().queryParam("currency", "USD").queryParam("at", "2026-01-15")
                .get("/api/v1/exchange-rates").then().statusCode(200).extract().jsonPath();
        assertThat(usd.getBoolean("[0].sample")).isTrue();
        assertThat(usd.getString("[0].source")).startsWith("SAMPLE");
        JsonPath steel = assess(declaration("2026-11-21T06:30:00Z", "IR", "721420", "13200.00", "USD", "24000", "24000", null));
        assertThat(steel.getString("items[0].customsValueIqd")).isEqualTo("17292000.000");
        assertThat(steel.getString("items[0].dutyExpression")).isEqualTo("15 %");
        assertThat(steel.getString("totalDutyIqd")).isEqualTo("2593800.000");
    }

    @Test
    void aCurrencyWithoutARateIsAProblem() {
        auditor().body(declaration("2026-05-01T08:00:00Z", "TR", "850110", "1000", "XAU", "1", "1", null))
                .post("/api/v1/assessments").then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", is("items[0].customsValue.currency"));
        // unknown, withdrawn with the euro (Croatia 2023, Bulgaria 2026), and the code for no currency
        for (String code : new String[] {"ZZZ", "HRK", "BGN", "XXX"}) {
            admin().body("{\"currency\":\"" + code + "\",\"rateToIqd\":1,\"validFrom\":\"2026-01-01\",\"source\":\"x\"}")
                    .post("/api/v1/exchange-rates").then().statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", is("currency"))
                    .body("violations[0].message", is(code + " is not the ISO 4217 code of a currency in circulation"));
        }
    }
}
