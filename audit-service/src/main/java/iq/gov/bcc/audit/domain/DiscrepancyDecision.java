package iq.gov.bcc.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One auditor decision; append-only history of a case. */
@Entity
@Table(name = "discrepancy_decision")
public class DiscrepancyDecision extends PanacheEntityBase {

    /** What a decision did to its case. */
    public enum Effect {
        APPLIED,
        AWAITING_SECOND_SENIOR
    }

    @Id
    public UUID id;

    @Column(name = "discrepancy_id", nullable = false)
    public UUID discrepancyId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DecisionKind decision;

    @Column(nullable = false)
    public String reason;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(nullable = false)
    public boolean senior;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Effect effect;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    public static List<DiscrepancyDecision> history(UUID discrepancyId) {
        return list("discrepancyId = ?1 order by decidedAt, id", discrepancyId);
    }
}
