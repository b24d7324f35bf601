package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.DeclarationVersion;
import iq.gov.bcc.declaration.domain.Direction;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "DeclarationVersion", description = "One version of a declaration's content, as it was recorded.")
public record VersionResponse(UUID declarationId,
        @Schema(examples = "2") int version,
        @Schema(description = "Why it was amended; null for version 1", nullable = true, examples = "Corrected net weight") String reason,
        @Schema(description = "Server time, UTC") OffsetDateTime recordedAt,
        @Schema(description = "Client or user that recorded it", examples = "service-account-crossing-shl") String recordedBy,
        Direction direction,
        @Schema(nullable = true) String exitCrossingCode,
        @Schema(nullable = true) OffsetDateTime transitDeadline,
        OffsetDateTime lodgedAt, TraderRequest trader, String vehiclePlate, String originCountry, List<ItemView> items) {

    public static VersionResponse of(DeclarationVersion v) {
        return new VersionResponse(v.key.declarationId(), v.key.version(), v.reason, v.recordedAt, v.recordedBy,
                v.direction, v.exitCrossingCode, v.transitDeadline, v.lodgedAt,
                new TraderRequest(v.traderTaxId, v.traderName), v.vehiclePlate, v.originCountry,
                v.items.stream().map(ItemView::of).toList());
    }
}
