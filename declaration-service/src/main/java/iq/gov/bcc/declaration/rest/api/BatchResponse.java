package iq.gov.bcc.declaration.rest.api;

import iq.gov.bcc.declaration.domain.Lane;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "What became of each line of an offline batch. Lines are independent: one bad line does not stop the others.")
public record BatchResponse(
        @Schema(examples = "3") int lines,
        @Schema(description = "Lines that filed a new declaration (201)", examples = "1") int created,
        @Schema(description = "Lines that repeated an existing declaration with the same body (200)", examples = "1") int existing,
        @Schema(description = "Lines refused (400, 403 or 409)", examples = "1") int rejected,
        List<LineResult> results) {

    @Schema(name = "BatchLineResult")
    public record LineResult(
            @Schema(description = "Line number in the upload, from 1", examples = "2") int line,
            @Schema(description = "The status a single POST of this line would have had", examples = "201") int status,
            @Schema(nullable = true, examples = "SHL-2026-000124") String reference,
            @Schema(nullable = true) UUID id,
            @Schema(nullable = true, examples = "1") Integer version,
            @Schema(nullable = true) Lane lane,
            @Schema(nullable = true, description = "Why the line was refused") LineProblem problem) {
    }

    @Schema(name = "BatchLineProblem")
    public record LineProblem(@Schema(examples = "Bad Request") String title,
            @Schema(examples = "items[0].hsCode must be an HS code of 6 digits") String detail,
            @Schema(nullable = true) List<Violation> violations) {
    }

    @Schema(name = "BatchLineViolation")
    public record Violation(@Schema(examples = "items[0].hsCode") String field,
            @Schema(examples = "must be an HS code of 6 digits, or a national code of 8 or 10 digits") String message) {
    }
}
