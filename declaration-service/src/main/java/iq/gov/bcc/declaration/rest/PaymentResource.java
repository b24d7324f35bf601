package iq.gov.bcc.declaration.rest;

import iq.gov.bcc.declaration.domain.PaymentReceipt;
import iq.gov.bcc.declaration.rest.api.PaymentRequest;
import iq.gov.bcc.declaration.rest.api.PaymentResponse;
import iq.gov.bcc.declaration.service.Outcome;
import iq.gov.bcc.declaration.service.PaymentService;
import iq.gov.bcc.platform.problem.ProblemDocument;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payments", description = "Payment receipts issued at the crossings")
@SecurityRequirement(name = "keycloak")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@APIResponse(responseCode = "403", description = "The token's role or crossing does not allow this, or the declaration named belongs to another crossing", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
public class PaymentResource {

    private final PaymentService payments;

    PaymentResource(PaymentService payments) {
        this.payments = payments;
    }

    @POST
    @RolesAllowed(DeclarationResource.CROSSING)
    @Operation(summary = "Record a payment receipt", description = "The same crossing and receipt number again with the "
            + "same details returns the recorded receipt (200); with different details, 409. A receipt naming a "
            + "declaration this service does not know is recorded with declarationKnown=false.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PaymentRequest.class),
            examples = @ExampleObject(name = "cash receipt", value = Examples.PAYMENT)))
    @APIResponse(responseCode = "201", description = "Recorded; Location names it", content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded with these details", content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; `violations` names each field", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "Receipt number already used at this crossing with other details", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public Response record(@Valid @NotNull PaymentRequest request, @Context UriInfo uri) {
        Outcome<PaymentReceipt> outcome = payments.record(request.crossingCode(), request.receiptNumber(),
                request.declarationId(), request.amount().toMoney(), request.method(), request.paidAt());
        PaymentResponse body = PaymentResponse.of(outcome.value());
        return outcome.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/payments").path(body.id().toString()).build())
                        .entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ DeclarationResource.CROSSING, DeclarationResource.AUDITOR, DeclarationResource.SENIOR })
    @Operation(summary = "Read a payment receipt", description = "A crossing reads only its own receipts.")
    @APIResponse(responseCode = "200", description = "The receipt", content = @Content(schema = @Schema(implementation = PaymentResponse.class)))
    @APIResponse(responseCode = "404", description = "No such receipt", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public PaymentResponse receipt(@PathParam("id") UUID id) {
        return PaymentResponse.of(payments.get(id));
    }
}
