package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.platform.validation.PlainText;
import iq.gov.bcc.tariff.domain.ExemptionLicence;
import iq.gov.bcc.tariff.domain.LicenceKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An exemption licence to issue")
public record LicenceRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9/_.-]+", message = "letters, digits and / _ . - only") @Schema(example = "INV-2024-0042") String number,
        @NotNull @Valid Holder holder,
        @NotNull @Schema(example = "INVESTMENT") LicenceKind kind,
        @NotEmpty @Schema(description = "HS prefixes the licence covers", example = "[\"8502\", \"8504\"]") List<@Pattern(regexp = "[0-9]{2,10}", message = "must be 2 to 10 digits") String> hsScope,
        @DecimalMin("0") @Digits(integer = 16, fraction = 3) @Schema(description = "Net weight the licence may exempt, in kg; absent for no quantity quota", example = "50000") BigDecimal quantityQuotaKg,
        @DecimalMin("0") @Digits(integer = 16, fraction = 3) @Schema(description = "Customs value the licence may exempt, in IQD; absent for no value quota", example = "2000000000") BigDecimal valueQuotaIqd,
        @NotNull @Schema(example = "2024-06-01") LocalDate validFrom,
        @Schema(description = "Exclusive end", example = "2027-06-01") LocalDate validTo,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(description = "Implementation rate of the investment project, %", example = "35") BigDecimal implementationRate,
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) @Schema(example = "Investment Law No. 13 of 2006, licence of the National Investment Commission") String legalBasis) {

    @Schema(description = "The licence holder")
    public record Holder(
            @NotBlank @Size(max = 40) @PlainText @Schema(example = "IQ-100200300") String taxId,
            @NotBlank @Size(max = 500) @PlainText @Schema(example = "شركة البصرة للحديد") String name) {
    }

    ExemptionLicence toEntity() {
        ExemptionLicence l = new ExemptionLicence();
        l.number = number;
        l.holderTaxId = holder.taxId();
        l.holderName = holder.name();
        l.kind = kind;
        l.hsScope = String.join(",", hsScope);
        l.quantityQuotaKg = quantityQuotaKg;
        l.valueQuotaIqd = valueQuotaIqd;
        l.validFrom = validFrom;
        l.validTo = validTo;
        l.implementationRate = implementationRate;
        l.legalBasis = legalBasis;
        return l;
    }
}
