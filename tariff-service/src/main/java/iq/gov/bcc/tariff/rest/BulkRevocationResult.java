package iq.gov.bcc.tariff.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What a bulk revocation revoked")
public record BulkRevocationResult(
        @Schema(example = "2") int revokedCount,
        @Schema(example = "2026-03-01") LocalDate effectiveFrom,
        @Schema(example = "Council of Ministers decree 12/2026") String legalBasis,
        List<LicenceView> revoked) {
}
