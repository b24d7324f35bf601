package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.Inspection;
import iq.gov.bcc.declaration.domain.InspectionChannel;
import iq.gov.bcc.declaration.domain.InspectionOutcome;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecordedInspection", description = "An inspection report as recorded.")
public record InspectionResponse(UUID id, UUID declarationId, InspectionChannel channel, InspectionOutcome outcome,
        @Schema(nullable = true) String remarks,
        @Schema(description = "Crossing's time") OffsetDateTime inspectedAt,
        @Schema(description = "Server's time, UTC") OffsetDateTime recordedAt) {

    public static InspectionResponse of(Inspection i) {
        return new InspectionResponse(i.id, i.declarationId, i.channel, i.outcome, i.remarks, i.inspectedAt, i.recordedAt);
    }
}
