package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.platform.validation.PlainText;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An exchange rate to IQD valid from a date (until validTo or the next rate)")
public record ExchangeRateRequest(
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") @Schema(example = "USD") String currency,
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 13, fraction = 6) @Schema(example = "1310") BigDecimal rateToIqd,
        @NotNull @Schema(example = "2026-01-01") LocalDate validFrom,
        @Schema(description = "Exclusive end; absent for open-ended") LocalDate validTo,
        @NotBlank @Size(max = 500) @PlainText @Schema(example = "Central Bank of Iraq bulletin 2026/01") String source) {
}
