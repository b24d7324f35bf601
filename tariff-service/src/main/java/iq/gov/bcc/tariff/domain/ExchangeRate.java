package iq.gov.bcc.tariff.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** How many IQD one unit of a currency is worth from {@code validFrom} (until {@code validTo} or the next rate). */
@Entity
@Table(name = "exchange_rate")
public class ExchangeRate extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String currency;

    @Column(name = "rate_to_iqd", nullable = false)
    public BigDecimal rateToIqd;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(nullable = false)
    public String source;

    @Column(nullable = false)
    public boolean sample;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;
}
