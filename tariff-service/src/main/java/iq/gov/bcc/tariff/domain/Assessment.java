package iq.gov.bcc.tariff.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The recorded assessment of one declaration version; {@code document} is the published JSON, verbatim. */
@Entity
@Table(name = "assessment")
public class Assessment extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(name = "declaration_version", nullable = false)
    public int declarationVersion;

    @Column(name = "crossing_code", nullable = false)
    public String crossingCode;

    @Column(name = "lodged_at", nullable = false)
    public OffsetDateTime lodgedAt;

    @Column(name = "assessed_at", nullable = false)
    public OffsetDateTime assessedAt;

    @Column(name = "total_customs_value_iqd", nullable = false)
    public BigDecimal totalCustomsValueIqd;

    @Column(name = "total_duty_iqd", nullable = false)
    public BigDecimal totalDutyIqd;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(nullable = false)
    public String document;
}
