package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.PaymentMethod;
import iq.gov.bcc.platform.validation.KnownCrossing;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Payment", description = "A payment receipt. Receipt numbers are unique per crossing; the same body again is "
        + "idempotent, a different body with the same number is a conflict.")
public record PaymentRequest(
        @Schema(description = "Crossing that issued the receipt", examples = "SHL")
        @NotNull @KnownCrossing String crossingCode,
        @Schema(description = "The receipt book's number", examples = "R-2026-0098765")
        @NotBlank @Size(max = 40) @Pattern(regexp = Patterns.IDENTIFIER, message = Patterns.IDENTIFIER_MESSAGE) String receiptNumber,
        @Schema(description = "The declaration paid for. A receipt naming an unknown declaration is recorded and flagged for audit.",
                examples = "0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11")
        @NotNull UUID declarationId,
        @Schema(description = "Amount paid")
        @NotNull @Valid MoneyAmount amount,
        @Schema(description = "CASH or TRANSFER", examples = "CASH")
        @NotNull PaymentMethod method,
        @Schema(description = "When it was paid, ISO-8601 with offset", examples = "2026-11-21T10:45:00+03:00")
        @NotNull @NotInFuture OffsetDateTime paidAt) {
}
