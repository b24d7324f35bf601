package iq.gov.bcc.tariff;

import static iq.gov.bcc.tariff.Api.adValorem;
import static iq.gov.bcc.tariff.Api.assess;
import static iq.gov.bcc.tariff.Api.auditor;
import static iq.gov.bcc.tariff.Api.createMeasure;
import static iq.gov.bcc.tariff.Api.declaration;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Assessments use the current measures and rates held in memory (CurrentTariff). A change committed
 * elsewhere — here by direct SQL, as another replica or an administrator's script would — is noticed
 * through the tariff_revision trigger within bcc.tariff.current.max-staleness (100 ms); changes made
 * through this instance's API are used by the very next assessment (MeasureTest, ExchangeRateTest).
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_tariff"))
class CurrentTariffTest {

    @Inject
    DataSource dataSource;

    @Test
    void aChangeCommittedElsewhereIsUsedByTheNextAssessment() throws SQLException {
        // Chapter 46 SAMPLE band (10 %) until a measure for 460121 exists.
        assertThat(assess(declaration("2026-06-01T08:00:00Z", "TR", "460121", "1000000", "IQD", "10", "1", null))
                .getString("items[0].dutyIqd")).isEqualTo("100000.000");

        UUID measureId = UUID.randomUUID();
        sql("INSERT INTO measure (row_id, measure_id, version, hs_prefix, origin_scope, duty_type, ad_valorem_percent,"
                + " valid_from, legal_basis, recorded_by, recorded_at) VALUES ('" + UUID.randomUUID() + "', '"
                + measureId + "', 1, '460121', 'ALL', 'AD_VALOREM', 25, DATE '2026-01-01', 'Test decree', 'sql', now())");
        JsonPath first = soon(() -> assess(declaration("2026-06-01T08:00:00Z", "TR", "460121", "1000000", "IQD", "10",
                "1", null)), p -> measureId.toString().equals(p.getString("items[0].measureId")));
        assertThat(first.getString("items[0].measureId")).isEqualTo(measureId.toString());
        assertThat(first.getInt("items[0].measureVersion")).isEqualTo(1);
        assertThat(first.getString("items[0].dutyIqd")).isEqualTo("250000.000");

        // A correction in system time, as PUT /measures/{id} records it.
        sql("UPDATE measure SET superseded_at = now() WHERE measure_id = '" + measureId + "' AND superseded_at IS NULL;"
                + "INSERT INTO measure (row_id, measure_id, version, hs_prefix, origin_scope, duty_type,"
                + " ad_valorem_percent, valid_from, legal_basis, recorded_by, recorded_at) VALUES ('"
                + UUID.randomUUID() + "', '" + measureId + "', 2, '460121', 'ALL', 'AD_VALOREM', 5,"
                + " DATE '2026-01-01', 'Test decree, corrected', 'sql', now())");
        JsonPath corrected = soon(() -> assess(declaration("2026-06-01T08:00:00Z", "TR", "460121", "1000000", "IQD",
                "10", "1", null)), p -> p.getInt("items[0].measureVersion") == 2);
        assertThat(corrected.getInt("items[0].measureVersion")).isEqualTo(2);
        assertThat(corrected.getString("items[0].dutyIqd")).isEqualTo("50000.000");

        // A rate for a currency that had none: a problem before, used right after.
        auditor().body(declaration("2026-06-01T08:00:00Z", "TR", "460121", "100", "NOK", "10", "1", null))
                .post("/api/v1/assessments").then().statusCode(422);
        sql("INSERT INTO exchange_rate (id, currency, rate_to_iqd, valid_from, source, recorded_by, recorded_at)"
                + " VALUES ('" + UUID.randomUUID() + "', 'NOK', 120, DATE '2026-01-01', 'Test bulletin', 'sql', now())");
        JsonPath nok = soon(() -> auditor().body(declaration("2026-06-01T08:00:00Z", "TR", "460121", "100", "NOK", "10",
                "1", null)).post("/api/v1/assessments").then().extract().jsonPath(), p -> p.get("items") != null);
        assertThat(nok.getString("items[0].exchangeRate.rateToIqd")).isEqualTo("120.0000");
        assertThat(nok.getString("items[0].customsValueIqd")).isEqualTo("12000.000");
    }

    @Test
    void aChangeMadeThroughThisInstanceIsUsedByTheVeryNextAssessment() {
        String rattan = declaration("2026-06-01T08:00:00Z", "TR", "460122", "1000000", "IQD", "10", "1", null);
        assertThat(assess(rattan).getString("items[0].dutyIqd")).isEqualTo("100000.000");
        // Within max-staleness of the previous assessment: only the local invalidation can make this pass.
        String measureId = createMeasure(adValorem("460122", "12", "2026-01-01"));
        JsonPath after = assess(rattan);
        assertThat(after.getString("items[0].measureId")).isEqualTo(measureId);
        assertThat(after.getString("items[0].dutyIqd")).isEqualTo("120000.000");
    }

    /** Repeats the call until the answer shows the change; it must within a second (max-staleness is 100 ms). */
    private static JsonPath soon(Supplier<JsonPath> call, Predicate<JsonPath> changed) {
        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        JsonPath answer = call.get();
        while (!changed.test(answer) && System.nanoTime() < deadline) {
            answer = call.get();
        }
        assertThat(changed.test(answer)).as("change seen within a second: %s", answer.prettify()).isTrue();
        return answer;
    }

    private void sql(String statements) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(statements);
        }
    }
}
