package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.PaymentMethod;
import iq.gov.bcc.declaration.domain.PaymentReceipt;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordedPayment", description = "A payment receipt as recorded.")
public record PaymentResponse(UUID id,
        @Schema(examples = "SHL") String crossingCode,
        @Schema(examples = "R-2026-0098765") String receiptNumber,
        UUID declarationId,
        @Schema(description = "False when no declaration with that id was known when the receipt was recorded")
        boolean declarationKnown,
        MoneyAmount amount, PaymentMethod method, OffsetDateTime paidAt,
        @Schema(description = "Server's time, UTC") OffsetDateTime recordedAt) {

    public static PaymentResponse of(PaymentReceipt r) {
        return new PaymentResponse(r.id, r.crossingCode, r.receiptNumber, r.declarationId, r.declarationKnown,
                MoneyAmount.of(r.money()), r.method, r.paidAt, r.recordedAt);
    }
}
