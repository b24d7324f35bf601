package iq.gov.bcc.simulator;

import iq.gov.bcc.client.declaration.model.Direction;
import iq.gov.bcc.client.tariff.model.AssessmentResult;
import iq.gov.bcc.client.tariff.model.Line;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The ground truth: which discrepancy types a played consignment was meant to show, worked out from
 * what the crossing did and the facts DESIGN.md names for each type, with the audit service's
 * default tolerances. An honest consignment is meant to show none.
 */
public final class Expectations {

    /** Weighbridge against declared gross weight, percent. */
    static final BigDecimal WEIGHT_TOLERANCE_PERCENT = new BigDecimal("2");
    /** Underpayment tolerated: the larger of this amount and this share of the duty. */
    static final BigDecimal UNDERPAYMENT_TOLERANCE_IQD = new BigDecimal("1000");
    static final BigDecimal UNDERPAYMENT_TOLERANCE_SHARE = new BigDecimal("0.005");

    private Expectations() {
    }

    /** Expected types per declaration id (the orphan receipts' unknown declarations included). */
    public static void addTo(Map<UUID, Set<String>> truth, Played played) {
        Set<String> types = new TreeSet<>(of(played));
        truth.put(played.declarationId(), types);
        if (played.orphanDeclaration() != null) {
            truth.put(played.orphanDeclaration(), new TreeSet<>(Set.of("ORPHAN_PAYMENT")));
        }
    }

    static Set<String> of(Played p) {
        Consignment c = p.consignment();
        Set<String> types = new TreeSet<>();
        if (c.weighedGrossKg() != null) {
            BigDecimal declared = c.declaredGrossKg();
            BigDecimal difference = c.weighedGrossKg().subtract(declared).abs().multiply(BigDecimal.valueOf(100));
            if (difference.compareTo(declared.multiply(WEIGHT_TOLERANCE_PERCENT)) > 0) {
                types.add("WEIGHT_MISMATCH");
            }
        }
        if (c.reclassifyTo().isPresent() && p.filedAssessment() != null && p.latestAssessment() != null
                && new BigDecimal(p.latestAssessment().getItems().get(0).getDutyIqd())
                        .compareTo(new BigDecimal(p.filedAssessment().getItems().get(0).getDutyIqd())) < 0) {
            types.add("POST_FILING_RECLASSIFICATION");
        }
        boolean released = p.releasedAt() != null;
        if (released && !p.inspected()) {
            if (offHours(p)) {
                types.add("OFF_HOURS_RELEASE");
            }
            if ("RED".equals(p.lane())) {
                types.add("RED_LANE_NOT_INSPECTED");
            }
        }
        if (c.direction() == Direction.IMPORT && p.latestAssessment() != null) {
            BigDecimal due = new BigDecimal(p.latestAssessment().getTotalDutyIqd());
            BigDecimal tolerance = UNDERPAYMENT_TOLERANCE_IQD.max(due.multiply(UNDERPAYMENT_TOLERANCE_SHARE));
            boolean short_ = due.subtract(p.paidIqd()).compareTo(tolerance) > 0;
            if (short_ && p.receipts() > 0) {
                types.add("UNDERPAYMENT");
            }
            if (short_ && released) {
                types.add("UNPAID_RELEASE");
            }
            if (refusedExemption(p.latestAssessment())) {
                types.add("INVALID_EXEMPTION");
            }
        }
        if (p.duplicateUsed()) {
            types.add("DUPLICATE_RECEIPT");
        }
        if (c.fraud().filter(f -> f == Fraud.UNDERVALUED).isPresent()) {
            types.add("UNIT_VALUE_OUTLIER");
        }
        if (c.direction() == Direction.TRANSIT && !p.exited()) {
            types.add("TRANSIT_NOT_DISCHARGED");
        }
        return types;
    }

    private static boolean refusedExemption(AssessmentResult assessment) {
        for (Line line : assessment.getItems()) {
            if (line.getExemption() != null && line.getExemption().getRefusal() != null) {
                return true;
            }
        }
        return false;
    }

    private static boolean offHours(Played p) {
        LocalTime time = p.releasedAt().atZoneSameInstant(Options.BAGHDAD).toLocalTime();
        return !time.isBefore(LocalTime.of(18, 0)) || time.isBefore(LocalTime.of(6, 0));
    }

    /** The discrepancy types of DESIGN.md, for the rows of the detection report. */
    public static final Set<String> TYPES = new TreeSet<>(Set.of("UNPAID_RELEASE", "UNDERPAYMENT", "ORPHAN_PAYMENT",
            "DUPLICATE_RECEIPT", "WEIGHT_MISMATCH", "POST_FILING_RECLASSIFICATION", "INVALID_EXEMPTION",
            "OFF_HOURS_RELEASE", "UNIT_VALUE_OUTLIER", "RED_LANE_NOT_INSPECTED", "TRANSIT_NOT_DISCHARGED"));
}
