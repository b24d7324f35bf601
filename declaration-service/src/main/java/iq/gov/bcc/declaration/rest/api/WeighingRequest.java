package iq.gov.bcc.declaration.rest.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Weighing", description = "A weighbridge ticket. The same scale and time again is the same ticket (idempotent).")
public record WeighingRequest(
        @Schema(description = "Gross weight read by the scale, kilograms", examples = "24410.5")
        @NotNull @Positive @Digits(integer = 9, fraction = 3) @DecimalMax("100000000") BigDecimal grossWeightKg,
        @Schema(description = "Identifier of the weighbridge", examples = "SHL-WB-02")
        @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.IDENTIFIER, message = Patterns.IDENTIFIER_MESSAGE) String scaleId,
        @Schema(description = "When the vehicle was weighed, ISO-8601 with offset", examples = "2026-11-21T10:05:00+03:00")
        @NotNull @NotInFuture OffsetDateTime weighedAt) {
}
