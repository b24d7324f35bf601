package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.platform.validation.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Revocation of one licence")
public record RevocationRequest(
        @NotNull @Schema(description = "Lodgements on or after this day are refused (may be in the past)", example = "2026-03-01") LocalDate effectiveFrom,
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) @Schema(example = "goods resold on the local market") String reason,
        @NotBlank @Size(max = 1000) @PlainText(multiline = true) @Schema(example = "Council of Ministers decree 12/2026") String legalBasis) {
}
