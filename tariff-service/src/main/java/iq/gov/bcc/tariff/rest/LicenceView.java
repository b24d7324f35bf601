package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.tariff.domain.ExemptionLicence;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An exemption licence with its quota use and revocation")
public record LicenceView(
        @Schema(example = "INV-2024-0042") String number,
        LicenceRequest.Holder holder,
        @Schema(example = "INVESTMENT") String kind,
        @Schema(example = "[\"8502\"]") List<String> hsScope,
        @Schema(example = "50000") BigDecimal quantityQuotaKg,
        @Schema(example = "12000.000") BigDecimal quantityUsedKg,
        @Schema(example = "2000000000") BigDecimal valueQuotaIqd,
        @Schema(example = "350000000.000") BigDecimal valueUsedIqd,
        @Schema(example = "2024-06-01") LocalDate validFrom,
        LocalDate validTo,
        @Schema(example = "35") BigDecimal implementationRate,
        String legalBasis,
        @Schema(example = "ACTIVE") String status,
        OffsetDateTime issuedAt,
        @Schema(description = "Null unless revoked") Revocation revocation) {

    @Schema(description = "A revocation: recorded at revokedAt, effective for lodgements from effectiveFrom")
    public record Revocation(OffsetDateTime revokedAt,
            @Schema(example = "2026-03-01") LocalDate effectiveFrom,
            @Schema(example = "implementation rate below 35 %") String reason,
            @Schema(example = "Council of Ministers decree 12/2026") String legalBasis) {
    }

    static LicenceView of(ExemptionLicence l) {
        return new LicenceView(l.number, new LicenceRequest.Holder(l.holderTaxId, l.holderName), l.kind.name(),
                l.scope(), l.quantityQuotaKg, l.quantityUsedKg, l.valueQuotaIqd, l.valueUsedIqd, l.validFrom,
                l.validTo, l.implementationRate, l.legalBasis, l.status.name(), l.issuedAt,
                l.revokedAt == null ? null : new Revocation(l.revokedAt, l.revocationEffectiveFrom,
                        l.revocationReason, l.revocationLegalBasis));
    }
}
