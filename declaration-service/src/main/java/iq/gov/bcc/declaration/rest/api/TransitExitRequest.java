package iq.gov.bcc.declaration.rest.api;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TransitExit", description = "Transit goods left Iraq at their exit crossing; posted by that crossing's system.")
public record TransitExitRequest(
        @Schema(description = "When the goods left, ISO-8601 with offset", examples = "2026-11-23T15:40:00+03:00")
        @NotNull @NotInFuture OffsetDateTime exitedAt) {
}
