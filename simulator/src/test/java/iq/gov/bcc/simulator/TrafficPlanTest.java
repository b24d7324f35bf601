package iq.gov.bcc.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import iq.gov.bcc.client.declaration.model.Direction;
import iq.gov.bcc.client.tariff.model.AssessmentResult;
import iq.gov.bcc.client.tariff.model.Line;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TrafficPlanTest {

    private static final List<TrafficPlan.Crossing> CROSSINGS = List.of(new TrafficPlan.Crossing("SHL", "IR"),
            new TrafficPlan.Crossing("MND", "IR"), new TrafficPlan.Crossing("IKH", "TR"), new TrafficPlan.Crossing("RAB", "SY"),
            new TrafficPlan.Crossing("TRB", "JO"), new TrafficPlan.Crossing("ARR", "SA"), new TrafficPlan.Crossing("SFW", "KW"));
    private static final TrafficPlan.Licences LICENCES = new TrafficPlan.Licences("INV-1", List.of("8502", "8504"), "INV-2");

    private static TrafficPlan plan(long seed) {
        Options options = Options.parse(new String[] {"--seed=" + seed, "--day=2026-08-14", "--declarations=1200",
                "--history=5", "--fraud-rate=0.3"}, Map.of());
        return new TrafficPlan(options, CROSSINGS, LICENCES);
    }

    @Test
    void theSameSeedPlaysTheSameDay() {
        assertThat(plan(7).day()).isEqualTo(plan(7).day());
        assertThat(plan(7).history()).isEqualTo(plan(7).history());
        assertThat(plan(8).day()).isNotEqualTo(plan(7).day());
    }

    @Test
    void everyFraudPatternIsPlayedAndEveryStepHappensOnTheDayInOrder() {
        TrafficPlan plan = plan(7);
        assertThat(plan.frauds().keySet()).isEqualTo(EnumSet.allOf(Fraud.class));
        OffsetDateTime start = OffsetDateTime.parse("2026-08-14T00:00:00+03:00");
        OffsetDateTime end = start.plusDays(1);
        for (Consignment c : plan.day()) {
            assertThat(c.lodgedAt()).isAfterOrEqualTo(start).isBefore(end);
            assertThat(c.releasedAt()).isAfter(c.lodgedAt()).isBefore(end);
            if (c.paidAt() != null) {
                assertThat(c.paidAt()).isBefore(c.releasedAt());
            }
            if (c.exitedAt() != null) {
                assertThat(c.exitedAt()).isAfter(c.releasedAt()).isBefore(end).isBefore(c.transitDeadline());
            }
        }
        assertThat(plan.history()).allMatch(c -> c.lodgedAt().isBefore(start) && c.fraud().isEmpty());
        assertThat(plan.day().stream().map(Consignment::reference).distinct().count()).isEqualTo(plan.day().size());
    }

    @Test
    void fraudPatternsChangeWhatTheirNamesSay() {
        TrafficPlan plan = plan(11);
        Map<Fraud, List<Consignment>> byFraud = plan.day().stream().filter(c -> c.fraud().isPresent())
                .collect(Collectors.groupingBy(c -> c.fraud().get()));
        assertThat(byFraud.get(Fraud.WEIGHT_UNDER_DECLARED)).allMatch(c -> c.weighedGrossKg().compareTo(
                c.declaredGrossKg().multiply(new BigDecimal("1.2"))) > 0);
        assertThat(byFraud.get(Fraud.NIGHT_RELEASE_UNINSPECTED)).allMatch(c -> c.skipInspection()
                && c.releasedAt().atZoneSameInstant(Options.BAGHDAD).toLocalTime().isAfter(LocalTime.of(18, 0)));
        assertThat(byFraud.get(Fraud.TRANSIT_NOT_EXITED)).allMatch(c -> c.direction() == Direction.TRANSIT && !c.exits());
        assertThat(byFraud.get(Fraud.RED_LANE_UNINSPECTED)).allMatch(c -> c.items().get(0).commodity() == Goods.CIGARETTES);
        assertThat(byFraud.get(Fraud.REVOKED_LICENCE)).allMatch(c -> "INV-2".equals(c.items().get(0).exemptionLicence()));
        assertThat(byFraud.get(Fraud.OUT_OF_SCOPE_LICENCE)).allMatch(c -> "INV-1".equals(c.items().get(0).exemptionLicence())
                && !c.items().get(0).commodity().hsCode().startsWith("8502"));
        Set<String> historyReceipts = plan.history().stream().map(Consignment::receiptNumber).collect(Collectors.toSet());
        assertThat(byFraud.get(Fraud.DUPLICATE_RECEIPT)).allMatch(c -> historyReceipts.contains(c.receiptNumber()));
        assertThat(byFraud.get(Fraud.SHORT_RECEIPT)).allMatch(c -> c.paidShare().compareTo(new BigDecimal("0.8")) <= 0);
    }

    @Test
    void theGroundTruthFollowsWhatTheCrossingDid() {
        Consignment honest = plan(3).day().stream().filter(c -> c.fraud().isEmpty() && c.direction() == Direction.IMPORT
                && c.weighedGrossKg() != null && !c.inspect()).findFirst().orElseThrow();
        AssessmentResult due = new AssessmentResult().totalDutyIqd("2593800.000").addItemsItem(new Line().dutyIqd("2593800.000"));
        assertThat(Expectations.of(played(honest, "GREEN", due, false, "2593800.000", 1))).isEmpty();
        assertThat(Expectations.of(played(honest, "GREEN", due, false, "1000000", 1)))
                .containsExactly("UNDERPAYMENT", "UNPAID_RELEASE");
        assertThat(Expectations.of(played(honest, "GREEN", due, false, "0", 0))).containsExactly("UNPAID_RELEASE");
        assertThat(Expectations.of(played(honest, "RED", due, false, "2593800.000", 1))).containsExactly("RED_LANE_NOT_INSPECTED");
        assertThat(Expectations.of(played(honest, "RED", due, true, "2593000", 1))).as("within the tolerance").isEmpty();
    }

    private static Played played(Consignment c, String lane, AssessmentResult assessment, boolean inspected, String paid,
            int receipts) {
        return new Played(c, UUID.randomUUID(), lane, null, assessment, inspected, new BigDecimal(paid), receipts, false,
                c.releasedAt(), false, null, null);
    }
}
