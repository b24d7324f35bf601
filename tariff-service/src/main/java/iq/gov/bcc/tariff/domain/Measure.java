package iq.gov.bcc.tariff.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One version of a tariff measure: a duty for an HS prefix and an origin scope over a validity period
 * [validFrom, validTo) (business time), believed from {@code recordedAt} until {@code supersededAt}
 * (system time). Versions are never updated except to close their system time.
 */
@Entity
@Table(name = "measure")
public class Measure extends PanacheEntityBase {

    @Id
    @Column(name = "row_id")
    public UUID rowId;

    @Column(name = "measure_id", nullable = false)
    public UUID measureId;

    @Column(nullable = false)
    public int version;

    @Column(name = "hs_prefix", nullable = false)
    public String hsPrefix;

    @Enumerated(EnumType.STRING)
    @Column(name = "origin_scope", nullable = false)
    public OriginScope originScope;

    /** The group name (GROUP) or ISO country code (COUNTRY); null for ALL. */
    @Column(name = "origin_code")
    public String originCode;

    /** Comma-separated ISO country codes to which the measure does not apply. */
    @Column(name = "excluded_countries", nullable = false)
    public String excludedCountries = "";

    @Enumerated(EnumType.STRING)
    @Column(name = "duty_type", nullable = false)
    public DutyType dutyType;

    @Column(name = "ad_valorem_percent")
    public BigDecimal adValoremPercent;

    @Column(name = "specific_amount_iqd")
    public BigDecimal specificAmountIqd;

    @Enumerated(EnumType.STRING)
    @Column(name = "specific_unit")
    public SpecificUnit specificUnit;

    @Column(name = "minimum_iqd")
    public BigDecimal minimumIqd;

    @Column(name = "maximum_iqd")
    public BigDecimal maximumIqd;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Column(nullable = false)
    public boolean sample;

    @Column(name = "change_reason")
    public String changeReason;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "superseded_at")
    public OffsetDateTime supersededAt;

    public DutyExpression expression() {
        return new DutyExpression(dutyType, adValoremPercent, specificAmountIqd, specificUnit, minimumIqd, maximumIqd);
    }

    public List<String> excluded() {
        return excludedCountries == null || excludedCountries.isBlank() ? List.of()
                : Arrays.asList(excludedCountries.split(","));
    }

    /** Whether goods originating in {@code country} fall under this measure's origin scope. */
    public boolean appliesToOrigin(String country) {
        if (country != null && excluded().contains(country)) {
            return false;
        }
        return switch (originScope) {
            case ALL -> true;
            case GROUP -> GeographicalArea.contains(originCode, country);
            case COUNTRY -> originCode.equals(country);
        };
    }

    public boolean validOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
    }

    /** A copy carrying the same measure id, to be changed and recorded as the next version. */
    public Measure nextVersion() {
        Measure next = new Measure();
        next.rowId = UUID.randomUUID();
        next.measureId = measureId;
        next.version = version + 1;
        next.hsPrefix = hsPrefix;
        next.originScope = originScope;
        next.originCode = originCode;
        next.excludedCountries = excludedCountries;
        next.dutyType = dutyType;
        next.adValoremPercent = adValoremPercent;
        next.specificAmountIqd = specificAmountIqd;
        next.specificUnit = specificUnit;
        next.minimumIqd = minimumIqd;
        next.maximumIqd = maximumIqd;
        next.validFrom = validFrom;
        next.validTo = validTo;
        next.legalBasis = legalBasis;
        next.sample = false;
        return next;
    }
}
