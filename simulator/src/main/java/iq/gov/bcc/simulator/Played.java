package iq.gov.bcc.simulator;

import iq.gov.bcc.client.tariff.model.AssessmentResult;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What happened when a consignment was played: what the services answered and what the crossing did.
 * The expected discrepancies are worked out from this, not from the plan alone, because the lane
 * (and so whether an inspection was due) is the declaration service's choice.
 */
public record Played(Consignment consignment, UUID declarationId, String lane, AssessmentResult filedAssessment,
        AssessmentResult latestAssessment, boolean inspected, BigDecimal paidIqd, int receipts, boolean duplicateUsed,
        OffsetDateTime releasedAt, boolean exited, UUID orphanDeclaration, String failure) {

    public boolean failed() {
        return failure != null;
    }
}
