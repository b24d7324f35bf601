package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.Declaration;
import iq.gov.bcc.declaration.domain.DeclarationStatus;
import iq.gov.bcc.declaration.domain.DeclarationVersion;
import iq.gov.bcc.declaration.domain.Direction;
import iq.gov.bcc.declaration.domain.Lane;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordedDeclaration", description = "A declaration as recorded: its current version, lane, lifecycle and movements.")
public record DeclarationResponse(
        @Schema(description = "Declaration id; the key of its events", examples = "0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11") UUID id,
        @Schema(examples = "SHL") String crossingCode,
        @Schema(examples = "SHL-2026-000123") String reference,
        @Schema(description = "Current version, from 1", examples = "1") int version,
        @Schema(description = "FILED, RELEASED or DISCHARGED (a transit that left at its exit crossing)") DeclarationStatus status,
        @Schema(description = "Selectivity lane chosen at filing, made stricter by an amendment before release that declares what a risk rule selects") Lane lane,
        @Schema(description = "The risk rule that chose the lane, `random`, or `default`", examples = "weapons-and-ammunition") String laneRule,
        Direction direction,
        @Schema(nullable = true) String exitCrossingCode,
        @Schema(nullable = true) OffsetDateTime transitDeadline,
        OffsetDateTime lodgedAt,
        TraderRequest trader,
        String vehiclePlate,
        String originCountry,
        List<ItemView> items,
        @Schema(description = "When the first version was recorded (server time, UTC)") OffsetDateTime recordedAt,
        @Schema(nullable = true, description = "When the goods were released (crossing's time)") OffsetDateTime releasedAt,
        @Schema(nullable = true, description = "When the release was recorded (server time, UTC)") OffsetDateTime releaseRecordedAt,
        @Schema(nullable = true, description = "TRANSIT only: when the goods left at the exit crossing (that crossing's time)") OffsetDateTime exitedAt,
        @Schema(nullable = true, description = "TRANSIT only: when the exit was recorded (server time, UTC)") OffsetDateTime exitRecordedAt,
        List<WeighingResponse> weighings,
        List<InspectionResponse> inspections) {

    public static DeclarationResponse of(Declaration d, DeclarationVersion v, List<WeighingResponse> weighings,
            List<InspectionResponse> inspections) {
        return new DeclarationResponse(d.id, d.crossingCode, d.reference, d.currentVersion, d.status, d.lane, d.laneRule,
                v.direction, v.exitCrossingCode, v.transitDeadline, v.lodgedAt,
                new TraderRequest(v.traderTaxId, v.traderName), v.vehiclePlate, v.originCountry,
                v.items.stream().map(ItemView::of).toList(), d.recordedAt, d.releasedAt, d.releaseRecordedAt, d.exitedAt, d.exitRecordedAt, weighings,
                inspections);
    }
}
