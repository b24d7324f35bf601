package iq.gov.bcc.tariff.rest;

import com.fasterxml.jackson.annotation.JsonFormat;
import iq.gov.bcc.platform.validation.PlainText;
import iq.gov.bcc.tariff.domain.LicenceKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Revoke every ACTIVE licence matching all the given criteria (at least one of kind, implementationRateAtOrBelow, licenceLegalBasis)")
public record BulkRevocationRequest(
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) @Schema(description = "One kind or a list", example = "[\"INVESTMENT\"]") List<LicenceKind> kind,
        @DecimalMin("0") @DecimalMax("100") @Schema(description = "Only licences whose implementation rate is at or below this %", example = "35") BigDecimal implementationRateAtOrBelow,
        @Size(max = 1000) @PlainText(multiline = true) @Schema(description = "Only licences issued under exactly this legal basis", example = "Investment Law No. 13 of 2006") String licenceLegalBasis,
        @NotNull @Schema(example = "2026-03-01") LocalDate effectiveFrom,
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) @Schema(example = "investment projects below 35 % implementation") String reason,
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) @Schema(example = "Council of Ministers decree 12/2026") String legalBasis) {
}
