package iq.gov.bcc.declaration.rest;

import iq.gov.bcc.declaration.rest.api.BatchResponse;
import iq.gov.bcc.declaration.service.BatchIngest;
import iq.gov.bcc.platform.problem.ProblemDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/declarations/batch")
@Tag(name = "Declarations")
@SecurityRequirement(name = "keycloak")
public class DeclarationBatchResource {

    public static final String NDJSON = "application/x-ndjson";

    private final BatchIngest batches;

    DeclarationBatchResource(BatchIngest batches) {
        this.batches = batches;
    }

    @POST
    @Consumes(NDJSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(DeclarationResource.CROSSING)
    @Operation(summary = "Upload declarations filed while offline", description = "Newline-delimited JSON, one "
            + "declaration per line, at most `bcc.batch.max-lines` (1000) lines. Every line is judged on its own with the "
            + "status a single POST would get (201, 200 for a repeat, 400, 403 for another crossing, 409); never "
            + "all-or-nothing. Example body (two lines):\n\n```\n" + Examples.BATCH + "```")
    @RequestBody(required = true, description = "One Declaration object (see POST /api/v1/declarations) per line",
            content = @Content(mediaType = NDJSON, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "One result per line", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Empty upload", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "403", description = "Not a crossing system", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "413", description = "Too many lines or too many bytes", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public BatchResponse upload(String body) {
        return batches.ingest(body);
    }
}
