package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.InspectionChannel;
import iq.gov.bcc.declaration.domain.InspectionOutcome;
import iq.gov.bcc.platform.validation.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Inspection", description = "A control carried out. The same channel and time again is the same report (idempotent).")
public record InspectionRequest(
        @Schema(description = "GREEN (none beyond release), YELLOW (documents) or RED (physical)", examples = "RED")
        @NotNull InspectionChannel channel,
        @Schema(description = "CONFORMS, NON_CONFORMING or SEIZED", examples = "CONFORMS")
        @NotNull InspectionOutcome outcome,
        @Schema(description = "What the inspector noted", examples = "Seals intact, 24 bundles counted", nullable = true)
        @Size(max = 1000) @PlainText(multiline = true) String remarks,
        @Schema(description = "When the inspection took place, ISO-8601 with offset", examples = "2026-11-21T10:20:00+03:00")
        @NotNull @NotInFuture OffsetDateTime inspectedAt) {
}
