package iq.gov.bcc.declaration.rest;

import iq.gov.bcc.declaration.rest.api.BatchResponse;
import iq.gov.bcc.declaration.service.BatchIngest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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
            + "all-or-nothing.")
    @RequestBody(required = true, content = @Content(mediaType = NDJSON, schema = @Schema(implementation = String.class),
            examples = @ExampleObject(name = "two declarations", value = Examples.BATCH)))
    @APIResponse(responseCode = "200", description = "One result per line", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", description = "Empty upload", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "Not a crossing system", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "413", description = "Too many lines or too many bytes", content = @Content(mediaType = "application/problem+json"))
    public BatchResponse upload(String body) {
        return batches.ingest(body);
    }
}
