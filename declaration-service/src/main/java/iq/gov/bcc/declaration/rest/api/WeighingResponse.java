package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.Weighing;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordedWeighing", description = "A weighbridge ticket as recorded.")
public record WeighingResponse(UUID id, UUID declarationId,
        @Schema(examples = "24410.500") BigDecimal grossWeightKg,
        @Schema(examples = "SHL-WB-02") String scaleId,
        @Schema(description = "Crossing's time") OffsetDateTime weighedAt,
        @Schema(description = "Server's time, UTC") OffsetDateTime recordedAt) {

    public static WeighingResponse of(Weighing w) {
        return new WeighingResponse(w.id, w.declarationId, w.grossWeightKg, w.scaleId, w.weighedAt, w.recordedAt);
    }
}
