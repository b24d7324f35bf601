package iq.gov.bcc.declaration.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A control carried out on a declaration's goods or documents, and what it found. */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public InspectionOutcome outcome;

    public String remarks;

    @Column(name = "inspected_at", nullable = false)
    public OffsetDateTime inspectedAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static Optional<Inspection> report(UUID declarationId, InspectionChannel channel, OffsetDateTime inspectedAt) {
        return find("declarationId = ?1 and channel = ?2 and inspectedAt = ?3", declarationId, channel, inspectedAt)
                .firstResultOptional();
    }

    public static List<Inspection> ofDeclaration(UUID declarationId) {
        return list("declarationId = ?1 order by inspectedAt, id", declarationId);
    }
}
