package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.platform.validation.PlainText;
import iq.gov.bcc.tariff.domain.DutyExpression;
import iq.gov.bcc.tariff.domain.DutyType;
import iq.gov.bcc.tariff.domain.OriginScope;
import iq.gov.bcc.tariff.domain.SpecificUnit;
import iq.gov.bcc.tariff.service.MeasureService;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A tariff measure (or the next version of one): a duty on an HS prefix for an origin scope over [validFrom, validTo)")
public record MeasureRequest(
        @NotBlank @Pattern(regexp = "[0-9]{2}([0-9]{2}){0,4}", message = "must be 2, 4, 6, 8 or 10 digits") @Schema(example = "7214") String hsPrefix,
        @NotNull @Schema(example = "ALL") OriginScope originScope,
        @Schema(description = "Group (GCC, ARAB_LEAGUE, EU) for GROUP, ISO 3166 alpha-2 for COUNTRY, absent for ALL", example = "GCC") String originCode,
        @Schema(description = "Countries to which the measure does not apply", example = "[\"IR\"]") List<@Pattern(regexp = "[A-Z]{2}") String> excludedCountries,
        @NotNull @Schema(example = "COMPOUND") DutyType dutyType,
        @DecimalMin("0") @Digits(integer = 5, fraction = 4) @Schema(example = "15") BigDecimal adValoremPercent,
        @DecimalMin("0") @Digits(integer = 16, fraction = 3) @Schema(example = "50") BigDecimal specificAmountIqd,
        @Schema(example = "KG") SpecificUnit specificUnit,
        @DecimalMin("0") @Digits(integer = 16, fraction = 3) @Schema(example = "100000") BigDecimal minimumIqd,
        @DecimalMin("0") @Digits(integer = 16, fraction = 3) @Schema(example = "5000000") BigDecimal maximumIqd,
        @NotNull @Schema(example = "2026-01-01") LocalDate validFrom,
        @Schema(description = "Exclusive end; absent for open-ended", example = "2027-01-01") LocalDate validTo,
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) @Schema(example = "Customs Tariff Law No. 22 of 2010, schedule amendment 3/2026") String legalBasis,
        @Size(max = 1000) @PlainText(multiline = true) @Schema(description = "Why this version was recorded (for a change)", example = "Council of Ministers decision 45/2026") String changeReason) {

    MeasureService.Terms terms() {
        return new MeasureService.Terms(hsPrefix, originScope, blankToNull(originCode),
                excludedCountries == null ? List.of() : excludedCountries,
                new DutyExpression(dutyType, adValoremPercent, specificAmountIqd, specificUnit, minimumIqd, maximumIqd),
                validFrom, validTo, legalBasis, changeReason);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
