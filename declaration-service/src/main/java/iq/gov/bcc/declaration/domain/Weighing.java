package iq.gov.bcc.declaration.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A weighbridge ticket: the gross weight the scale read for a declaration's vehicle. */
@Entity
@Table(name = "weighing")
public class Weighing extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(name = "gross_weight_kg", nullable = false)
    public BigDecimal grossWeightKg;

    @Column(name = "scale_id", nullable = false)
    public String scaleId;

    @Column(name = "weighed_at", nullable = false)
    public OffsetDateTime weighedAt;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static Optional<Weighing> ticket(UUID declarationId, String scaleId, OffsetDateTime weighedAt) {
        return find("declarationId = ?1 and scaleId = ?2 and weighedAt = ?3", declarationId, scaleId, weighedAt)
                .firstResultOptional();
    }

    public static List<Weighing> ofDeclaration(UUID declarationId) {
        return list("declarationId = ?1 order by weighedAt, id", declarationId);
    }
}
