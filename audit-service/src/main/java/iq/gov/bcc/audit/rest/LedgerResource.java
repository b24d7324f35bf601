package iq.gov.bcc.audit.rest;

import iq.gov.bcc.audit.rest.Views.LedgerReport;
import iq.gov.bcc.audit.service.Ledger;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proof that the recorded history was not altered. */
@Path("/api/v1/ledger/verify")
@RolesAllowed({ "auditor", "senior-auditor" })
@Tag(name = "Ledger")
@SecurityRequirement(name = "keycloak")
public class LedgerResource {

    private final Ledger ledger;

    LedgerResource(Ledger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Recompute the hash chain of every consumed event and decision",
            description = "Each entry's SHA-256 covers the previous entry's hash, its sequence and its content. Reports "
                    + "intact, or the first sequence where the chain breaks.")
    @APIResponse(responseCode = "200", description = "The verification", content = @Content(schema = @Schema(implementation = LedgerReport.class),
            examples = { @ExampleObject(name = "intact", value = "{\"intact\":true,\"verifiedEntries\":1843,\"headHash\":\"9f2c...\",\"verifiedAt\":\"2026-11-22T01:00:00Z\"}"),
                    @ExampleObject(name = "broken", value = "{\"intact\":false,\"verifiedEntries\":41,\"firstBrokenSequence\":42,\"problem\":\"entry does not match its hash\",\"verifiedAt\":\"2026-11-22T01:00:00Z\"}") }))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an auditor")
    public LedgerReport verify() {
        Ledger.Verification v = ledger.verify();
        return new LedgerReport(v.intact(), v.entries(), v.headHash(), v.firstBroken(), v.problem(),
                OffsetDateTime.now(ZoneOffset.UTC));
    }
}
