package iq.gov.bcc.tariff.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A licence that waives the duty on goods within its HS scope for its holder, within its quantity and
 * value quotas, while valid and not revoked. A revocation takes effect from a date (possibly earlier
 * than the day it was recorded); lodgements on or after that date are refused.
 */
@Entity
@Table(name = "exemption_licence")
public class ExemptionLicence extends PanacheEntityBase {

    @Id
    public String number;

    @Column(name = "holder_tax_id", nullable = false)
    public String holderTaxId;

    @Column(name = "holder_name", nullable = false)
    public String holderName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenceKind kind;

    /** Comma-separated HS prefixes the licence covers. */
    @Column(name = "hs_scope", nullable = false)
    public String hsScope;

    @Column(name = "quantity_quota_kg")
    public BigDecimal quantityQuotaKg;

    @Column(name = "quantity_used_kg", nullable = false)
    public BigDecimal quantityUsedKg = BigDecimal.ZERO;

    @Column(name = "value_quota_iqd")
    public BigDecimal valueQuotaIqd;

    @Column(name = "value_used_iqd", nullable = false)
    public BigDecimal valueUsedIqd = BigDecimal.ZERO;

    @Column(name = "valid_from", nullable = false)
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "implementation_rate")
    public BigDecimal implementationRate;

    @Column(name = "legal_basis", nullable = false)
    public String legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LicenceStatus status;

    @Column(name = "issued_at", nullable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revocation_effective_from")
    public LocalDate revocationEffectiveFrom;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Column(name = "revocation_legal_basis")
    public String revocationLegalBasis;

    @Version
    @Column(name = "row_version", nullable = false)
    public int rowVersion;

    public List<String> scope() {
        return Arrays.stream(hsScope.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public boolean covers(String hsCode) {
        return scope().stream().anyMatch(hsCode::startsWith);
    }

    public void revoke(LocalDate effectiveFrom, String reason, String basis, OffsetDateTime now) {
        status = LicenceStatus.REVOKED;
        revokedAt = now;
        revocationEffectiveFrom = effectiveFrom;
        revocationReason = reason;
        revocationLegalBasis = basis;
    }
}
