package iq.gov.bcc.audit;

import static iq.gov.bcc.audit.Events.ASSESSMENTS;
import static iq.gov.bcc.audit.Events.DECLARATIONS;
import static iq.gov.bcc.audit.Events.TARIFFS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Topics;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The rules that read the declaration's own story, raised and cured through real events. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class DeclarationRulesTest {

    @Test
    void weightMismatchIsRaisedAndCuredByAnAmendmentDeclaringTheWeighedWeight() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.write(DECLARATIONS, d.weighed(27000, Events.daytime()));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "WEIGHT_MISMATCH", "OPEN");
        Map<?, ?> evidence = (Map<?, ?>) raised.get("evidence");
        assertThat(evidence.get("declaredGrossWeightKg")).isEqualTo("24350.0");
        assertThat(evidence.get("weighedGrossWeightKg")).isEqualTo("27000.0");
        assertThat(new BigDecimal((String) evidence.get("differencePercent"))).isEqualByComparingTo("10.883");
        // duty × 2650 / 24350
        assertThat(new BigDecimal((String) raised.get("amountAtStakeIqd"))).isEqualByComparingTo("282282.136");

        d.grossKg = 27000;
        d.write(DECLARATIONS, d.amended(2, "weighbridge weight"));
        Map<String, Object> closed = Audit.awaitStatus(d.id, "WEIGHT_MISMATCH", "CLOSED");
        assertThat((String) closed.get("closedReason")).contains("27000");
    }

    @Test
    void weighingWithinToleranceRaisesNothing() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(DECLARATIONS, d.weighed(24500, Events.daytime()));
        Audit.awaitFacts(d.id, 2);
        assertThat(Audit.discrepancy(d.id, "WEIGHT_MISMATCH")).isEmpty();
    }

    @Test
    void redLaneReleasedWithoutPhysicalInspectionIsCuredByALateUploadedRedInspectionNotByADocumentCheck() {
        Events.Declaration d = new Events.Declaration();
        d.lane = "RED";
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.write(DECLARATIONS, d.released(1, Events.daytime()));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "RED_LANE_NOT_INSPECTED", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("2593800.000");

        // a documentary check in place of the physical inspection the lane demanded does not cure it
        d.write(DECLARATIONS, d.inspected("YELLOW", Events.daytime().minusMinutes(40)));
        Audit.awaitFacts(d.id, 4);
        assertThat(Audit.discrepancy(d.id, "RED_LANE_NOT_INSPECTED").orElseThrow().get("status")).isEqualTo("OPEN");

        d.write(DECLARATIONS, d.inspected("RED", Events.daytime().minusMinutes(30)));
        Map<String, Object> closed = Audit.awaitStatus(d.id, "RED_LANE_NOT_INSPECTED", "CLOSED");
        assertThat((String) closed.get("closedReason")).contains("physical inspection");
    }

    @Test
    void releaseAt8pmBaghdadWithoutInspectionIsOffHoursButNoonIsNot() {
        Events.Declaration night = new Events.Declaration();
        night.file();
        night.write(DECLARATIONS, night.released(1, Events.daytime().plusHours(8))); // 17:00Z = 20:00 Baghdad
        Map<String, Object> raised = Audit.awaitStatus(night.id, "OFF_HOURS_RELEASE", "OPEN");
        assertThat((String) ((Map<?, ?>) raised.get("evidence")).get("releasedAtLocal")).endsWith("T20:00");

        Events.Declaration noon = new Events.Declaration();
        noon.file();
        noon.write(DECLARATIONS, noon.released(1, Events.daytime()));
        Audit.awaitFacts(noon.id, 2);
        assertThat(Audit.discrepancy(noon.id, "OFF_HOURS_RELEASE")).isEmpty();

        night.write(DECLARATIONS, night.inspected("YELLOW", Events.daytime().plusHours(7)));
        Audit.awaitStatus(night.id, "OFF_HOURS_RELEASE", "CLOSED");
    }

    @Test
    void aTransitReleasedUncheckedAtNightPutsItsSuspendedDutyAtStakeAnExportNothing() {
        Events.Declaration transit = new Events.Declaration();
        transit.direction = "TRANSIT";
        transit.exitCrossingCode("TRB");
        transit.transitDeadline = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3);
        transit.lane = "RED";
        transit.file();
        transit.write(ASSESSMENTS, transit.assessed(1, "17292000.000", "2593800.000", null));
        transit.write(DECLARATIONS, transit.released(1, Events.daytime().plusHours(8)));
        assertThat(Audit.awaitStatus(transit.id, "OFF_HOURS_RELEASE", "OPEN").get("amountAtStakeIqd")).isEqualTo("2593800.000");
        assertThat(Audit.awaitStatus(transit.id, "RED_LANE_NOT_INSPECTED", "OPEN").get("amountAtStakeIqd")).isEqualTo("2593800.000");

        Events.Declaration export = new Events.Declaration();
        export.direction = "EXPORT";
        export.file();
        export.write(ASSESSMENTS, export.assessed(1, "17292000.000", "2593800.000", null));
        export.write(DECLARATIONS, export.released(1, Events.daytime().plusHours(8)));
        Map<String, Object> raised = Audit.awaitStatus(export.id, "OFF_HOURS_RELEASE", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("0.000");
        assertThat(((Map<?, ?>) raised.get("evidence")).get("dutyAssessedIqd")).isEqualTo("2593800.000");
    }

    @Test
    void amendmentLoweringTheValueAfterFilingIsAReclassificationCuredByRestoringIt() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.value = "9000.00";
        d.write(DECLARATIONS, d.amended(2, "invoice corrected"));
        d.write(ASSESSMENTS, d.assessed(2, "11790000.000", "1768500.000", null));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "POST_FILING_RECLASSIFICATION", "OPEN");
        await(d.id, "POST_FILING_RECLASSIFICATION", "825300.000");
        List<?> changes = (List<?>) ((Map<?, ?>) raised.get("evidence")).get("changes");
        assertThat(changes).anySatisfy(c -> assertThat(((Map<?, ?>) c).get("field")).isEqualTo("customsValue"));

        d.value = "13200.00";
        d.write(DECLARATIONS, d.amended(3, "original invoice restored"));
        Audit.awaitStatus(d.id, "POST_FILING_RECLASSIFICATION", "CLOSED");
    }

    @Test
    void theSameFigureRestatedInACheaperCurrencyIsAReclassification() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.currency = "IQD";
        d.write(DECLARATIONS, d.amended(2, "currency corrected"));
        d.write(ASSESSMENTS, d.assessed(2, "13200.000", "1980.000", null));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "POST_FILING_RECLASSIFICATION", "OPEN");
        await(d.id, "POST_FILING_RECLASSIFICATION", "2591820.000");
        List<?> changes = (List<?>) ((Map<?, ?>) raised.get("evidence")).get("changes");
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(((Map<?, ?>) c).get("field")).isEqualTo("customsValue");
            assertThat(((Map<?, ?>) c).get("filed")).isEqualTo("13200.00 USD (17292000.000 IQD)");
            assertThat(((Map<?, ?>) c).get("amended")).isEqualTo("13200.00 IQD (13200.000 IQD)");
        });

        // the same value stated in dinars at the day's rate is no reclassification
        d.value = "17292000";
        d.write(DECLARATIONS, d.amended(3, "value restated in IQD"));
        d.write(ASSESSMENTS, d.assessed(3, "17292000.000", "2593800.000", null));
        Audit.awaitStatus(d.id, "POST_FILING_RECLASSIFICATION", "CLOSED");
    }

    @Test
    void anItemLeftOutOfAnAmendmentIsAReclassification() {
        Events.Declaration d = new Events.Declaration();
        d.cement = true;
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "19650000.000", "2947500.000", null));
        d.cement = false;
        d.write(DECLARATIONS, d.amended(2, "cement declared on another truck"));
        d.write(ASSESSMENTS, d.assessed(2, "17292000.000", "2593800.000", null));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "POST_FILING_RECLASSIFICATION", "OPEN");
        await(d.id, "POST_FILING_RECLASSIFICATION", "353700.000");
        List<?> changes = (List<?>) ((Map<?, ?>) raised.get("evidence")).get("changes");
        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(((Map<?, ?>) c).get("line")).isEqualTo(2);
            assertThat(((Map<?, ?>) c).get("field")).isEqualTo("item");
            assertThat(((Map<?, ?>) c).get("filed")).isEqualTo("252329, 30000 kg net");
            assertThat(((Map<?, ?>) c).get("amended")).isEqualTo("removed");
        });

        d.cement = true;
        d.write(DECLARATIONS, d.amended(3, "cement back on the declaration"));
        Audit.awaitStatus(d.id, "POST_FILING_RECLASSIFICATION", "CLOSED");
    }

    @Test
    void hsCodeMovedToALowerDutyCodeIsAReclassification() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.hsCode = "721410";
        d.write(DECLARATIONS, d.amended(2, "reclassified"));
        d.write(ASSESSMENTS, d.assessed(2, "17292000.000", "864600.000", null));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "POST_FILING_RECLASSIFICATION", "OPEN");
        await(d.id, "POST_FILING_RECLASSIFICATION", "1729200.000");
        List<?> changes = (List<?>) ((Map<?, ?>) raised.get("evidence")).get("changes");
        assertThat(changes).anySatisfy(c -> {
            assertThat(((Map<?, ?>) c).get("field")).isEqualTo("hsCode");
            assertThat(((Map<?, ?>) c).get("amended")).isEqualTo("721410");
        });
    }

    @Test
    void exemptionRefusedByTheAssessmentIsInvalidUntilTheClaimIsDropped() {
        Events.Declaration d = new Events.Declaration();
        d.licence = "INV-2024-0042";
        d.file();
        ObjectNode refusal = Events.JSON.createObjectNode();
        refusal.put("licenceNumber", "INV-2024-0042");
        refusal.put("applied", false);
        refusal.put("refusal", "REVOKED");
        refusal.put("detail", "revoked on 2026-03-01 by decree 12/2026");
        refusal.put("waivedIqd", "0.000");
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", refusal));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "INVALID_EXEMPTION", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("2593800.000");
        Map<?, ?> item = (Map<?, ?>) ((List<?>) ((Map<?, ?>) raised.get("evidence")).get("items")).get(0);
        assertThat(item.get("refusal")).isEqualTo("REVOKED");

        d.licence = null;
        d.write(DECLARATIONS, d.amended(2, "licence withdrawn"));
        d.write(ASSESSMENTS, d.assessed(2, "17292000.000", "2593800.000", null));
        Audit.awaitStatus(d.id, "INVALID_EXEMPTION", "CLOSED");
    }

    @Test
    void licenceRevokedLaterWithEffectBeforeLodgementMakesAnAppliedExemptionInvalid() {
        String number = "INV-" + UUID.randomUUID().toString().substring(0, 8);
        Events.Declaration d = new Events.Declaration();
        d.licence = number;
        d.file();
        ObjectNode applied = Events.JSON.createObjectNode();
        applied.put("licenceNumber", number);
        applied.put("applied", true);
        applied.putNull("refusal");
        applied.put("detail", "investment licence, 100 % waiver");
        applied.put("waivedIqd", "2593800.000");
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "0.000", applied));
        Audit.awaitFacts(d.id, 2);
        assertThat(Audit.discrepancy(d.id, "INVALID_EXEMPTION")).isEmpty();

        ObjectNode licence = Events.JSON.createObjectNode();
        licence.put("number", number);
        licence.put("holderTaxId", "IQ-100200300");
        licence.put("kind", "INVESTMENT");
        licence.put("status", "REVOKED");
        licence.put("revokedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        licence.put("revocationEffectiveFrom", d.lodgedAt.minusDays(30).toLocalDate().toString());
        licence.put("reason", "implementation rate below 35 %");
        licence.put("legalBasis", "decree 12/2026");
        Topics.write(TARIFFS, number, Events.envelope(UUID.randomUUID(), "/bcc/tariff-service",
                "iq.bcc.exemption-licence.revoked.v1", number, null, OffsetDateTime.now(ZoneOffset.UTC), licence));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "INVALID_EXEMPTION", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("2593800.000");
    }

    @Test
    void transitNotExitedByItsDeadlineIsRaisedByTheSweepAndCuredByALateUploadedExit() {
        OffsetDateTime deadline = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(3);
        Events.Declaration d = new Events.Declaration();
        d.direction = "TRANSIT";
        d.exitCrossingCode("TRB");
        d.transitDeadline = deadline;
        d.file();
        d.write(DECLARATIONS, d.released(1, OffsetDateTime.now(ZoneOffset.UTC)));
        Audit.awaitFacts(d.id, 2);
        assertThat(Audit.discrepancy(d.id, "TRANSIT_NOT_DISCHARGED")).isEmpty();
        Map<String, Object> raised = Audit.awaitStatus(d.id, "TRANSIT_NOT_DISCHARGED", "OPEN");
        assertThat(((Map<?, ?>) raised.get("evidence")).get("exitCrossingCode")).isEqualTo("TRB");

        d.write(DECLARATIONS, d.transitExited("TRB", deadline.minusSeconds(1)));
        Audit.awaitStatus(d.id, "TRANSIT_NOT_DISCHARGED", "CLOSED");
    }

    @Test
    void transitThatLeftThroughAnotherCrossingIsNotDischarged() {
        Events.Declaration d = new Events.Declaration();
        d.direction = "TRANSIT";
        d.exitCrossingCode("TRB");
        d.transitDeadline = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        d.file();
        d.write(DECLARATIONS, d.released(1, OffsetDateTime.now(ZoneOffset.UTC)));
        d.write(DECLARATIONS, d.transitExited("SHB", OffsetDateTime.now(ZoneOffset.UTC)));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "TRANSIT_NOT_DISCHARGED", "OPEN");
        assertThat(((Map<?, ?>) ((Map<?, ?>) raised.get("evidence")).get("exit")).get("exitCrossingCode")).isEqualTo("SHB");
    }

    @Test
    void transitThatExitedInTimeIsNeverRaised() {
        Events.Declaration d = new Events.Declaration();
        d.direction = "TRANSIT";
        d.exitCrossingCode("TRB");
        d.transitDeadline = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        d.file();
        d.write(DECLARATIONS, d.released(1, OffsetDateTime.now(ZoneOffset.UTC)));
        d.write(DECLARATIONS, d.transitExited("TRB", OffsetDateTime.now(ZoneOffset.UTC)));
        Audit.awaitFacts(d.id, 3);
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(5)).atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Audit.discrepancy(d.id, "TRANSIT_NOT_DISCHARGED").isEmpty());
    }

    @Test
    void aTransitNeverReleasedAtEntryIsNotDivertedUntilItsReleaseArrives() {
        Events.Declaration d = new Events.Declaration();
        d.direction = "TRANSIT";
        d.exitCrossingCode("TRB");
        d.transitDeadline = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        Audit.awaitFacts(d.id, 2);
        // the deadline has passed, but the goods were turned back at entry: the sweep (every second here)
        // must leave it alone
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(4)).atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Audit.discrepancy(d.id, "TRANSIT_NOT_DISCHARGED").isEmpty());

        // an offline entry crossing uploads the release it recorded before the deadline: they did enter
        d.write(DECLARATIONS, d.released(1, d.lodgedAt.plusMinutes(30)));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "TRANSIT_NOT_DISCHARGED", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("2593800.000");
    }

    @Test
    void valuePerKgFarBelowTheMedianForItsHsCodeAndOriginIsAnOutlier() {
        String hs = "84" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String[] usual = { "1000000.000", "1050000.000", "980000.000", "1020000.000", "990000.000", "1010000.000" };
        for (String value : usual) {
            Events.Declaration peer = outlierPeer(hs);
            peer.write(ASSESSMENTS, peer.assessed(1, value, new BigDecimal(value).multiply(new BigDecimal("0.15"))
                    .setScale(3).toPlainString(), null));
            Audit.awaitFacts(peer.id, 2);
            assertThat(Audit.discrepancy(peer.id, "UNIT_VALUE_OUTLIER")).isEmpty();
        }
        Events.Declaration cheap = outlierPeer(hs);
        cheap.write(ASSESSMENTS, cheap.assessed(1, "100000.000", "15000.000", null));
        Map<String, Object> raised = Audit.awaitStatus(cheap.id, "UNIT_VALUE_OUTLIER", "OPEN");
        // median 1005 IQD/kg, declared 100 IQD/kg: 905 × 1000 kg undervalued at 15 %
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("135750.000");
        Map<?, ?> line = (Map<?, ?>) ((List<?>) ((Map<?, ?>) raised.get("evidence")).get("lines")).get(0);
        assertThat(line.get("medianValuePerKgIqd")).isEqualTo("1005.000");
        assertThat(line.get("sampleSize")).isEqualTo(6);

        cheap.value = "770.00";
        cheap.write(DECLARATIONS, cheap.amended(2, "invoice corrected"));
        cheap.write(ASSESSMENTS, cheap.assessed(2, "1008700.000", "151305.000", null));
        Audit.awaitStatus(cheap.id, "UNIT_VALUE_OUTLIER", "CLOSED");
    }

    private static Events.Declaration outlierPeer(String hs) {
        Events.Declaration d = new Events.Declaration();
        d.hsCode = hs;
        d.origin = "TR";
        d.netKg = 1000;
        d.grossKg = 1050;
        d.value = "770.00";
        d.file();
        return d;
    }

    private static void await(UUID id, String type, String amount) {
        org.awaitility.Awaitility.await().atMost(Audit.PATIENCE).until(() -> Audit.discrepancy(id, type)
                .map(d -> amount.equals(d.get("amountAtStakeIqd"))).orElse(false));
    }
}
