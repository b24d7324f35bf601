package iq.gov.bcc.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One case: a rule found a gap in a declaration's story. Raised once per {@link #dedupKey} (its id
 * is derived from that key, so a replay yields the same id), closed automatically when later facts
 * cure it, decided by auditors otherwise.
 */
@Entity
@Table(name = "discrepancy")
public class Discrepancy extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "dedup_key", nullable = false, unique = true)
    public String dedupKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DiscrepancyType type;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(name = "crossing_code")
    public String crossingCode;

    /** JSON of the facts that raised it. */
    @Column(nullable = false)
    public String evidence;

    @Column(name = "amount_at_stake_iqd", nullable = false, precision = 21, scale = 3)
    public BigDecimal amountAtStakeIqd;

    @Column(name = "detected_at", nullable = false)
    public OffsetDateTime detectedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DiscrepancyStatus status;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    /** Four eyes: the first DISMISS of a large case waits here for a second senior auditor. */
    @Column(name = "pending_dismissal_by")
    public String pendingDismissalBy;

    @Column(name = "pending_dismissal_at")
    public OffsetDateTime pendingDismissalAt;

    @Column(name = "pending_dismissal_reason")
    public String pendingDismissalReason;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static UUID idFor(String dedupKey) {
        return UUID.nameUUIDFromBytes(("bcc-audit:" + dedupKey).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
