package iq.gov.bcc.tariff.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Quota consumed by one item of one assessed declaration version; released when an amendment replaces it. */
@Entity
@Table(name = "exemption_use")
public class ExemptionUse extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "licence_number", nullable = false)
    public String licenceNumber;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(name = "declaration_version", nullable = false)
    public int declarationVersion;

    @Column(nullable = false)
    public int line;

    @Column(name = "quantity_kg", nullable = false)
    public BigDecimal quantityKg;

    @Column(name = "value_iqd", nullable = false)
    public BigDecimal valueIqd;

    @Column(name = "used_at", nullable = false)
    public OffsetDateTime usedAt;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;
}
