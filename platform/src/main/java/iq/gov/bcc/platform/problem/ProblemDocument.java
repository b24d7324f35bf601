package iq.gov.bcc.platform.problem;

import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The shape of every error answer (RFC 9457, application/problem+json), for the OpenAPI documents.
 * The answers themselves are written by quarkus-resteasy-problem.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem: what went wrong, and for invalid input which fields")
public record ProblemDocument(
        @Schema(description = "Problem type URI; about:blank when the status says it all", examples = "about:blank") URI type,
        @Schema(description = "Short summary of the status", examples = "Bad Request") String title,
        @Schema(description = "HTTP status", examples = "400") int status,
        @Schema(description = "What happened, for a person", examples = "declaration SHL-2026-000123 of crossing SHL already exists with a different body", nullable = true) String detail,
        @Schema(description = "The request path", examples = "/api/v1/declarations") URI instance,
        @Schema(description = "For invalid input: each offending field", nullable = true) List<Violation> violations) {

    @Schema(name = "ProblemViolation")
    public record Violation(
            @Schema(description = "Path of the field in the body, or the parameter name", examples = "items[0].hsCode") String field,
            @Schema(description = "body, query, path or header", examples = "body") String in,
            @Schema(examples = "must be an HS code of 6 digits, or a national code of 8 or 10 digits") String message) {
    }
}
