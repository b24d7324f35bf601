package iq.gov.bcc.declaration.rest.api;

import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Release", description = "The goods were released to the trader.")
public record ReleaseRequest(
        @Schema(description = "When the goods were released, ISO-8601 with offset", examples = "2026-11-21T11:00:00+03:00")
        @NotNull @NotInFuture OffsetDateTime releasedAt) {
}
