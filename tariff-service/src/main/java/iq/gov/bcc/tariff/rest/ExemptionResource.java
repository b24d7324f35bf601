package iq.gov.bcc.tariff.rest;

import io.quarkus.security.Authenticated;
import iq.gov.bcc.platform.problem.QueryParameters;
import iq.gov.bcc.tariff.domain.ExemptionLicence;
import iq.gov.bcc.tariff.domain.LicenceKind;
import iq.gov.bcc.tariff.domain.LicenceStatus;
import iq.gov.bcc.tariff.service.ExemptionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/exemptions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Exemptions", description = "Exemption licences, their quotas, and revocations (one or by decree)")
@SecurityRequirement(name = "keycloak")
public class ExemptionResource {

    private final ExemptionService exemptions;

    ExemptionResource(ExemptionService exemptions) {
        this.exemptions = exemptions;
    }

    @GET
    @Path("/licences")
    @Operation(summary = "Licences, optionally by kind, status or holder")
    @APIResponse(responseCode = "200", description = "Licences in number order")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "400", description = "Unknown kind or status (problem+json naming it)")
    public List<LicenceView> licences(
            @Parameter(description = "INVESTMENT, STATE, INSTITUTIONAL or OTHER", example = "INVESTMENT") @QueryParam("kind") String kind,
            @Parameter(description = "ACTIVE or REVOKED", example = "ACTIVE") @QueryParam("status") String status,
            @Parameter(example = "IQ-100200300") @QueryParam("holderTaxId") String holderTaxId) {
        return exemptions.list(QueryParameters.enumValue("kind", kind, LicenceKind.class),
                QueryParameters.enumValue("status", status, LicenceStatus.class), holderTaxId).stream().map(LicenceView::of).toList();
    }

    @GET
    @Path("/licences/{number}")
    @Operation(summary = "One licence with its quota use and revocation")
    @APIResponse(responseCode = "200", description = "The licence")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "404", description = "No such licence")
    public LicenceView licence(@Parameter(example = "INV-2024-0042") @PathParam("number") String number) {
        return LicenceView.of(exemptions.find(number));
    }

    @POST
    @Path("/licences")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tariff-admin")
    @Operation(summary = "Issue (register) a licence")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = "application/json", schema = @Schema(implementation = LicenceView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a tariff-admin")
    @APIResponse(responseCode = "409", description = "A licence with this number exists")
    @APIResponse(responseCode = "422", description = "Inconsistent dates or scope")
    public Response issue(@NotNull @Valid LicenceRequest request, @Context UriInfo uri) {
        ExemptionLicence licence = exemptions.issue(request.toEntity());
        return Response.created(uri.getAbsolutePathBuilder().path(licence.number).build())
                .entity(LicenceView.of(licence)).build();
    }

    @POST
    @Path("/licences/{number}/revocation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tariff-admin")
    @Operation(summary = "Revoke a licence", description = "Lodgements on or after effectiveFrom are refused with REVOKED; the day may be in the past.")
    @APIResponse(responseCode = "200", description = "The revoked licence")
    @APIResponse(responseCode = "400", description = "Invalid body (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a tariff-admin")
    @APIResponse(responseCode = "404", description = "No such licence")
    @APIResponse(responseCode = "409", description = "Already revoked")
    public LicenceView revoke(@PathParam("number") String number, @NotNull @Valid RevocationRequest request) {
        return LicenceView.of(exemptions.revoke(number, request.effectiveFrom(), request.reason(),
                request.legalBasis()));
    }

    @POST
    @Path("/revocations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tariff-admin")
    @Operation(summary = "Revoke by criteria (decree)", description = "Revokes every ACTIVE licence of the given kinds and/or with an implementation rate at or below the threshold, effective from a day, in one transaction, and lists what it revoked.")
    @APIResponse(responseCode = "200", description = "What was revoked")
    @APIResponse(responseCode = "400", description = "Invalid body (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a tariff-admin")
    @APIResponse(responseCode = "422", description = "No criterion given")
    public BulkRevocationResult revokeAll(@NotNull @Valid BulkRevocationRequest request) {
        List<ExemptionLicence> revoked = exemptions.revokeAll(
                new ExemptionService.Criteria(request.kind(), request.implementationRateAtOrBelow(),
                        request.licenceLegalBasis()),
                request.effectiveFrom(), request.reason(), request.legalBasis());
        return new BulkRevocationResult(revoked.size(), request.effectiveFrom(), request.legalBasis(),
                revoked.stream().map(LicenceView::of).toList());
    }
}
