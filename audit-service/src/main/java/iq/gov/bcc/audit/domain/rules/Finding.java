package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.DiscrepancyType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * What a rule found in one declaration's story right now.
 *
 * @param type          the discrepancy type
 * @param subject       what within the declaration it is about (the declaration itself, or one receipt)
 * @param amountAtStake IQD at stake, 3 decimals
 * @param evidence      the facts that raised it, serialised as JSON
 * @param detectedAt    for time-based rules the moment the rule was breached (so a replay detects
 *                      it at the same instant); null: when the triggering fact was recorded
 */
public record Finding(DiscrepancyType type, String subject, BigDecimal amountAtStake, Map<String, Object> evidence,
        OffsetDateTime detectedAt) {

    public Finding {
        amountAtStake = (amountAtStake == null ? BigDecimal.ZERO : amountAtStake.max(BigDecimal.ZERO))
                .setScale(3, RoundingMode.HALF_UP);
    }

    public static Finding of(DiscrepancyType type, UUID declarationId, BigDecimal amount, Map<String, Object> evidence) {
        return new Finding(type, declarationId.toString(), amount, evidence, null);
    }

    /** Unique per case: a type raised once per subject. */
    public String dedupKey(UUID declarationId) {
        return type + ":" + declarationId + (subject.equals(declarationId.toString()) ? "" : ":" + subject);
    }
}
