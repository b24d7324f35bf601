package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.Declaration;
import iq.gov.bcc.declaration.domain.DeclarationStatus;
import iq.gov.bcc.declaration.domain.Direction;
import iq.gov.bcc.declaration.domain.Lane;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A page of declarations in lodgement order. Pass `nextCursor` as `cursor` for the next page; "
        + "it is null on the last page.")
public record DeclarationPage(List<Summary> items,
        @Schema(nullable = true, examples = "MTc2MzcwNjIwMDAwMDAwMHwwYjdmNWMxZS0yYTFkLTRjMzktOWE1Ny0zZjNjOWYxZDJlMTE") String nextCursor) {

    @Schema(name = "DeclarationSummary")
    public record Summary(UUID id, String crossingCode, String reference, int version, DeclarationStatus status, Lane lane,
            Direction direction, OffsetDateTime lodgedAt, String traderTaxId, OffsetDateTime recordedAt) {

        public static Summary of(Declaration d) {
            return new Summary(d.id, d.crossingCode, d.reference, d.currentVersion, d.status, d.lane, d.direction,
                    d.lodgedAt, d.traderTaxId, d.recordedAt);
        }
    }
}
