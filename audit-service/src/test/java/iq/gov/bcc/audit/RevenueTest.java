package iq.gov.bcc.audit;

import static iq.gov.bcc.audit.Events.ASSESSMENTS;
import static iq.gov.bcc.audit.Events.DECLARATIONS;
import static iq.gov.bcc.audit.Events.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import iq.gov.bcc.localstack.LocalStackTestResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Revenue against hand-computed figures, in a period no other test lodges in (August 2030 vs August 2029). */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class RevenueTest {

    static boolean prepared;

    /** Once per class; in @BeforeEach because the HTTP port is known only around each test. */
    @BeforeEach
    void prepare() {
        if (!prepared) {
            declarations();
            prepared = true;
        }
    }

    static void declarations() {
        lodge("SHL", "2030-08-10T08:00:00Z", "1000000.000", "600000.000");
        lodge("MND", "2030-08-20T08:00:00Z", "500000.000", "500000.000");
        // 22:00 UTC on 31 July is 01:00 on 1 August in Baghdad: August
        lodge("SHL", "2030-07-31T22:00:00Z", "200000.000", null);
        // 21:00 UTC on 31 August is 00:00 on 1 September in Baghdad: not August
        lodge("SHL", "2030-08-31T21:00:00Z", "999000.000", null);
        lodge("SHL", "2029-08-15T08:00:00Z", "300000.000", "300000.000");
    }

    static Events.Declaration lodge(String crossing, String lodgedAt, String duty, String paid) {
        Events.Declaration d = new Events.Declaration().crossing(crossing);
        d.lodgedAt = OffsetDateTime.parse(lodgedAt);
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "1.000", duty, null));
        if (paid != null) {
            d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), paid, "IQD", true,
                    d.lodgedAt.plusHours(1)));
        }
        Audit.awaitFacts(d.id, paid == null ? 2 : 3);
        return d;
    }

    @Test
    void byCrossingWithTheSamePeriodAYearEarlier() {
        Audit.as("auditor").queryParam("from", "2030-08-01").queryParam("to", "2030-08-31").get("/api/v1/revenue")
                .then().statusCode(200)
                .body("groupBy", equalTo("crossing"))
                .body("rows", hasSize(2))
                .body("rows[0].key", equalTo("MND"))
                .body("rows[0].current.assessedIqd", equalTo("500000.000"))
                .body("rows[0].current.collectedIqd", equalTo("500000.000"))
                .body("rows[0].current.gapIqd", equalTo("0.000"))
                .body("rows[0].previousYear.assessedIqd", equalTo("0.000"))
                .body("rows[1].key", equalTo("SHL"))
                .body("rows[1].current.assessedIqd", equalTo("1200000.000"))
                .body("rows[1].current.collectedIqd", equalTo("600000.000"))
                .body("rows[1].current.gapIqd", equalTo("600000.000"))
                .body("rows[1].previousYear.assessedIqd", equalTo("300000.000"))
                .body("rows[1].previousYear.collectedIqd", equalTo("300000.000"))
                .body("rows[1].previousYear.gapIqd", equalTo("0.000"))
                .body("total.assessedIqd", equalTo("1700000.000"))
                .body("total.collectedIqd", equalTo("1100000.000"))
                .body("total.gapIqd", equalTo("600000.000"))
                .body("previousYearTotal.assessedIqd", equalTo("300000.000"));
    }

    @Test
    void byBaghdadMonth() {
        Audit.as("senior").queryParam("from", "2030-08-01").queryParam("to", "2030-08-31").queryParam("groupBy", "month")
                .get("/api/v1/revenue").then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].key", equalTo("2030-08"))
                .body("rows[0].previousKey", equalTo("2029-08"))
                .body("rows[0].current.assessedIqd", equalTo("1700000.000"))
                .body("rows[0].current.gapIqd", equalTo("600000.000"))
                .body("rows[0].previousYear.collectedIqd", equalTo("300000.000"));
    }

    /** February 2029 (28 days) against the whole of February 2028, 29 February included; no other test lodges there. */
    @Test
    void aPeriodEndingOnItsMonthsLastDayIsComparedWithThatWholeMonthAYearEarlier() {
        lodge("SHL", "2029-02-10T09:00:00Z", "700000.000", "500000.000");
        lodge("SHL", "2028-02-10T09:00:00Z", "100000.000", "100000.000");
        // 12:00 on 29 February 2028 in Baghdad
        lodge("SHL", "2028-02-29T09:00:00Z", "250000.000", null);

        Audit.as("auditor").queryParam("from", "2029-02-01").queryParam("to", "2029-02-28").get("/api/v1/revenue")
                .then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].key", equalTo("SHL"))
                .body("rows[0].current.assessedIqd", equalTo("700000.000"))
                .body("rows[0].current.collectedIqd", equalTo("500000.000"))
                .body("rows[0].previousYear.assessedIqd", equalTo("350000.000"))
                .body("rows[0].previousYear.collectedIqd", equalTo("100000.000"))
                .body("rows[0].previousYear.gapIqd", equalTo("250000.000"))
                .body("previousYearTotal.assessedIqd", equalTo("350000.000"));
        Audit.as("auditor").queryParam("from", "2029-02-01").queryParam("to", "2029-02-28").queryParam("groupBy", "month")
                .get("/api/v1/revenue").then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].key", equalTo("2029-02"))
                .body("rows[0].previousKey", equalTo("2028-02"))
                .body("rows[0].previousYear.assessedIqd", equalTo("350000.000"));
        // a period that does not end on its month's last day keeps the same days a year earlier
        Audit.as("auditor").queryParam("from", "2029-02-01").queryParam("to", "2029-02-27").get("/api/v1/revenue")
                .then().statusCode(200)
                .body("previousYearTotal.assessedIqd", equalTo("100000.000"));
    }

    @Test
    void aReassessedDeclarationMovesItsShareOfTheDailyRollUpAndTheRollUpEqualsTheDeclarations() throws Exception {
        Events.Declaration d = new Events.Declaration().crossing("ZRB");
        d.lodgedAt = OffsetDateTime.parse("2030-09-15T08:00:00Z");
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "1.000", "400000.000", null));
        d.write(DECLARATIONS, d.amended(2, "invoice corrected"));
        d.write(ASSESSMENTS, d.assessed(2, "1.000", "250000.000", null));
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "100000.000", "IQD", true, d.lodgedAt.plusHours(1)));
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "150000.000", "IQD", true, d.lodgedAt.plusHours(2)));
        Audit.awaitFacts(d.id, 6);

        Audit.as("auditor").queryParam("from", "2030-09-15").queryParam("to", "2030-09-15").get("/api/v1/revenue")
                .then().statusCode(200)
                .body("rows", hasSize(1))
                .body("rows[0].key", equalTo("ZRB"))
                .body("rows[0].current.assessedIqd", equalTo("250000.000"))
                .body("rows[0].current.collectedIqd", equalTo("250000.000"));
        Audit.as("auditor").get("/api/v1/crossings/ZRB/scorecard?from=2030-09-15&to=2030-09-15").then().statusCode(200)
                .body("declarations", equalTo(1));

        // Whatever every other test has consumed, the roll-up is the sum over the declarations' states.
        try (Connection db = LedgerTest.database(); ResultSet differences = db.createStatement().executeQuery("""
                WITH expected AS (
                  SELECT crossing_code, (lodged_at AT TIME ZONE 'Asia/Baghdad')::date AS day, count(*) AS declarations,
                         count(released_at) AS released, count(*) FILTER (WHERE released_off_hours) AS released_off_hours,
                         COALESCE(sum(duty_iqd), 0) AS assessed_iqd, COALESCE(sum(paid_iqd), 0) AS collected_iqd
                  FROM declaration_state WHERE filed AND lodged_at IS NOT NULL AND crossing_code IS NOT NULL GROUP BY 1, 2),
                actual AS (SELECT * FROM revenue_day WHERE declarations <> 0 OR assessed_iqd <> 0 OR collected_iqd <> 0)
                SELECT count(*) FROM expected e FULL JOIN actual a USING (crossing_code, day)
                WHERE (e.declarations, e.released, e.released_off_hours, e.assessed_iqd, e.collected_iqd)
                  IS DISTINCT FROM (a.declarations, a.released, a.released_off_hours, a.assessed_iqd, a.collected_iqd)""")) {
            differences.next();
            assertThat(differences.getInt(1)).as("days whose roll-up differs from the declarations").isZero();
        }
    }

    /**
     * A declaration's state row is written only when a fact changes what it holds: a weighing or an inspection
     * leaves it as it was (the same row version, xmin), even though the crossing's times arrive at +03:00, the
     * store gives them back in UTC, and an unpaid declaration's paid amount is a zero of another scale.
     */
    @Test
    void aStateRowIsRewrittenOnlyWhenAFactChangesIt() throws Exception {
        Events.Declaration d = lodge("SHL", "2030-10-05T10:00:00+03:00", "80000.000", null);
        d.write(DECLARATIONS, d.released(1, OffsetDateTime.parse("2030-10-05T12:00:00+03:00")));
        Audit.awaitFacts(d.id, 3);
        Object[] assessed = state(d.id);
        assertThat(assessed[1]).isEqualTo("0.000");

        d.write(DECLARATIONS, d.weighed(24350, OffsetDateTime.parse("2030-10-05T11:00:00+03:00")));
        d.write(DECLARATIONS, d.inspected("YELLOW", OffsetDateTime.parse("2030-10-05T11:30:00+03:00")));
        Audit.awaitFacts(d.id, 5);
        assertThat(state(d.id)).as("updated_at, paid_iqd and xmin after a weighing and an inspection").isEqualTo(assessed);

        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "80000.000", "IQD", true,
                d.lodgedAt.plusHours(1)));
        Audit.awaitFacts(d.id, 6);
        Object[] paid = state(d.id);
        assertThat((OffsetDateTime) paid[0]).isAfter((OffsetDateTime) assessed[0]);
        assertThat(paid[1]).isEqualTo("80000.000");
        assertThat(paid[2]).isNotEqualTo(assessed[2]);
    }

    private static Object[] state(UUID declarationId) throws Exception {
        try (Connection db = LedgerTest.database();
                PreparedStatement read = db.prepareStatement(
                        "SELECT updated_at, paid_iqd::text, xmin::text FROM declaration_state WHERE declaration_id = ?")) {
            read.setObject(1, declarationId);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                return new Object[] { row.getObject(1, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        row.getString(2), row.getString(3) };
            }
        }
    }
}
