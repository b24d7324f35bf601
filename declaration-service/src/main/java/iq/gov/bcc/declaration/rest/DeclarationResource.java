package iq.gov.bcc.declaration.rest;

import iq.gov.bcc.declaration.domain.DeclarationStatus;
import iq.gov.bcc.declaration.rest.api.DeclarationPage;
import iq.gov.bcc.declaration.rest.api.DeclarationRequest;
import iq.gov.bcc.declaration.rest.api.DeclarationResponse;
import iq.gov.bcc.declaration.rest.api.InspectionRequest;
import iq.gov.bcc.declaration.rest.api.InspectionResponse;
import iq.gov.bcc.declaration.rest.api.ReleaseRequest;
import iq.gov.bcc.declaration.rest.api.TransitExitRequest;
import iq.gov.bcc.declaration.rest.api.VersionResponse;
import iq.gov.bcc.declaration.rest.api.WeighingRequest;
import iq.gov.bcc.declaration.rest.api.WeighingResponse;
import iq.gov.bcc.declaration.service.DeclarationService;
import iq.gov.bcc.declaration.service.DeclarationStory;
import iq.gov.bcc.declaration.service.MovementService;
import iq.gov.bcc.declaration.service.Outcome;
import iq.gov.bcc.platform.problem.ProblemDocument;
import iq.gov.bcc.platform.problem.Problems;
import iq.gov.bcc.platform.problem.QueryParameters;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/declarations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Declarations", description = "Customs declarations, their versions and what happened to the goods")
@SecurityRequirement(name = "keycloak")
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
@APIResponse(responseCode = "403", description = "The token's role or crossing does not allow this",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class), examples = @ExampleObject(name = "other crossing", value = Examples.FORBIDDEN_PROBLEM)))
public class DeclarationResource {

    static final String CROSSING = "crossing-system";
    static final String AUDITOR = "auditor";
    static final String SENIOR = "senior-auditor";

    private final DeclarationService declarations;
    private final MovementService movements;

    DeclarationResource(DeclarationService declarations, MovementService movements) {
        this.declarations = declarations;
        this.movements = movements;
    }

    @POST
    @RolesAllowed(CROSSING)
    @Operation(summary = "File a declaration", description = "Chooses the selectivity lane and records version 1. "
            + "Posting the same crossingCode and reference again with the same body returns the existing declaration (200); "
            + "with a different body, 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DeclarationRequest.class), examples = {
            @ExampleObject(name = "import", value = Examples.DECLARATION),
            @ExampleObject(name = "transit", value = Examples.TRANSIT) }))
    @APIResponse(responseCode = "201", description = "Filed; Location names the new declaration",
            content = @Content(schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "200", description = "Already filed with this very body: the existing declaration",
            content = @Content(schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; `violations` names each field",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class), examples = @ExampleObject(name = "bad HS code", value = Examples.VALIDATION_PROBLEM)))
    @APIResponse(responseCode = "409", description = "The reference is already used with a different body",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class), examples = @ExampleObject(name = "conflict", value = Examples.CONFLICT_PROBLEM)))
    @APIResponse(responseCode = "413", description = "Body larger than the configured limit (BCC_MAX_BODY_SIZE, 4 MB)")
    public Response fileDeclaration(@Valid @NotNull DeclarationRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        if (request.reason() != null) {
            throw Problems.badField("reason", "is only for amendments (POST /declarations/{id}/amendments)");
        }
        Outcome<DeclarationStory> outcome = declarations.file(request.crossingCode(), request.reference(),
                request.content());
        DeclarationResponse body = response(outcome.value());
        return outcome.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/declarations").path(body.id().toString()).build())
                        .entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CROSSING, AUDITOR, SENIOR })
    @Operation(summary = "Read a declaration", description = "Its current version, lane, status, weighings and inspections. "
            + "A crossing reads its own declarations and the transits that exit through it.")
    @APIResponse(responseCode = "200", description = "The declaration, latest version", content = @Content(schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "404", description = "No such declaration", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public DeclarationResponse declaration(@PathParam("id") UUID id) {
        return response(declarations.get(id));
    }

    @GET
    @RolesAllowed({ CROSSING, AUDITOR, SENIOR })
    @Operation(summary = "List declarations", description = "In lodgement order (earliest first, then by id), filtered, "
            + "a page at a time. A crossing lists only its own declarations. A lodgement never changes, so a page "
            + "is never repeated; an offline upload of earlier declarations is placed by its lodgement, before a "
            + "cursor that has passed it.")
    @APIResponse(responseCode = "200", description = "One page of declarations, earliest lodgement first", content = @Content(schema = @Schema(implementation = DeclarationPage.class)))
    @APIResponse(responseCode = "400", description = "A filter is malformed", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public DeclarationPage declarations(
            @Parameter(description = "Crossing code", example = "SHL") @QueryParam("crossing") String crossing,
            @Parameter(description = "FILED, RELEASED or DISCHARGED", schema = @Schema(implementation = DeclarationStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "Lodged at or after (ISO-8601 with offset)", example = "2026-11-01T00:00:00+03:00",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("from") String from,
            @Parameter(description = "Lodged before (ISO-8601 with offset)", example = "2026-12-01T00:00:00+03:00",
                    schema = @Schema(type = SchemaType.STRING, format = "date-time"))
            @QueryParam("to") String to,
            @Parameter(description = "Page size, 1 to 500", example = "50",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        DeclarationService.Page page = declarations.list(
                new DeclarationService.ListQuery(crossing,
                        QueryParameters.enumValue("status", status, DeclarationStatus.class),
                        QueryParameters.time("from", from), QueryParameters.time("to", to),
                        QueryParameters.limit(limit, 50, 500), cursor));
        return new DeclarationPage(page.items().stream().map(DeclarationPage.Summary::of).toList(), page.nextCursor());
    }

    @POST
    @Path("/{id}/amendments")
    @RolesAllowed(CROSSING)
    @Operation(summary = "Amend a declaration", description = "Records the changed copy as a new version with its reason; "
            + "earlier versions stay readable. The same content as the current version again is a retry (200). "
            + "crossingCode, reference and lodgedAt cannot change; once the goods are released, neither can direction, "
            + "exitCrossingCode nor transitDeadline.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = DeclarationRequest.class),
            examples = @ExampleObject(name = "weight corrected", value = Examples.AMENDMENT)))
    @APIResponse(responseCode = "201", description = "New version recorded; Location names it",
            content = @Content(schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "200", description = "Identical to the current version: nothing recorded",
            content = @Content(schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, missing reason, or a changed crossingCode, reference or lodgedAt",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "404", description = "No such declaration", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "The goods are released, and the amendment changes direction, exitCrossingCode or transitDeadline",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public Response amend(@PathParam("id") UUID id, @Valid @NotNull DeclarationRequest request,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        Outcome<DeclarationStory> outcome = declarations.amend(id, request.crossingCode(), request.reference(),
                request.content(), request.reason());
        DeclarationResponse body = response(outcome.value());
        return outcome.created()
                ? Response.created(uri.getBaseUriBuilder().path("api/v1/declarations").path(id.toString())
                        .path("versions").path(Integer.toString(body.version())).build()).entity(body).build()
                : Response.ok(body).build();
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ CROSSING, AUDITOR, SENIOR })
    @Operation(summary = "Every version of a declaration", description = "Oldest first; nothing is ever overwritten.")
    @APIResponse(responseCode = "200", description = "Every version, oldest first", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = VersionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such declaration", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public List<VersionResponse> versions(@PathParam("id") UUID id) {
        return declarations.versions(id).stream().map(VersionResponse::of).toList();
    }

    @GET
    @Path("/{id}/versions/{version}")
    @RolesAllowed({ CROSSING, AUDITOR, SENIOR })
    @Operation(summary = "One version of a declaration")
    @APIResponse(responseCode = "200", description = "That version", content = @Content(schema = @Schema(implementation = VersionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such declaration or version", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public VersionResponse version(@PathParam("id") UUID id, @PathParam("version") int version) {
        return VersionResponse.of(declarations.version(id, version));
    }

    @POST
    @Path("/{id}/weighings")
    @RolesAllowed(CROSSING)
    @Operation(summary = "Record a weighbridge reading", description = "The same scale and time again is the same ticket: "
            + "200 if the weight matches, 409 if it differs. A reading taken after the release is refused (409); one taken "
            + "before it may be uploaded later.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = WeighingRequest.class),
            examples = @ExampleObject(name = "weighbridge ticket", value = Examples.WEIGHING)))
    @APIResponse(responseCode = "201", description = "Weighing recorded", content = @Content(schema = @Schema(implementation = WeighingResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded", content = @Content(schema = @Schema(implementation = WeighingResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "404", description = "No such declaration", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "Same ticket, different weight; or weighed after the release", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public Response weigh(@PathParam("id") UUID id, @Valid @NotNull WeighingRequest request,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        var outcome = movements.weigh(id, request.grossWeightKg(), request.scaleId(), request.weighedAt());
        WeighingResponse body = WeighingResponse.of(outcome.value());
        return created(outcome.created(), uri, id, "weighings", body.id(), body);
    }

    @GET
    @Path("/{id}/weighings/{weighingId}")
    @RolesAllowed({ CROSSING, AUDITOR, SENIOR })
    @Operation(summary = "Read a weighbridge reading")
    @APIResponse(responseCode = "200", description = "The weighing", content = @Content(schema = @Schema(implementation = WeighingResponse.class)))
    @APIResponse(responseCode = "404", description = "No such declaration or weighing", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public WeighingResponse weighing(@PathParam("id") UUID id, @PathParam("weighingId") UUID weighingId) {
        return WeighingResponse.of(movements.weighing(id, weighingId));
    }

    @POST
    @Path("/{id}/inspections")
    @RolesAllowed(CROSSING)
    @Operation(summary = "Record an inspection", description = "The same channel and time again is the same report: "
            + "200 if the outcome matches, 409 if it differs.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = InspectionRequest.class),
            examples = @ExampleObject(name = "physical inspection", value = Examples.INSPECTION)))
    @APIResponse(responseCode = "201", description = "Inspection recorded", content = @Content(schema = @Schema(implementation = InspectionResponse.class)))
    @APIResponse(responseCode = "200", description = "Already recorded", content = @Content(schema = @Schema(implementation = InspectionResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "404", description = "No such declaration", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "Same report, different outcome", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public Response inspect(@PathParam("id") UUID id, @Valid @NotNull InspectionRequest request,
            @jakarta.ws.rs.core.Context UriInfo uri) {
        var outcome = movements.inspect(id, request.channel(), request.outcome(), request.remarks(), request.inspectedAt());
        InspectionResponse body = InspectionResponse.of(outcome.value());
        return created(outcome.created(), uri, id, "inspections", body.id(), body);
    }

    @GET
    @Path("/{id}/inspections/{inspectionId}")
    @RolesAllowed({ CROSSING, AUDITOR, SENIOR })
    @Operation(summary = "Read an inspection report")
    @APIResponse(responseCode = "200", description = "The inspection", content = @Content(schema = @Schema(implementation = InspectionResponse.class)))
    @APIResponse(responseCode = "404", description = "No such declaration or inspection", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public InspectionResponse inspection(@PathParam("id") UUID id, @PathParam("inspectionId") UUID inspectionId) {
        return InspectionResponse.of(movements.inspection(id, inspectionId));
    }

    @POST
    @Path("/{id}/release")
    @RolesAllowed(CROSSING)
    @Operation(summary = "Release the goods", description = "Once only: a declaration already released (or discharged) is 409.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReleaseRequest.class),
            examples = @ExampleObject(name = "release", value = Examples.RELEASE)))
    @APIResponse(responseCode = "200", description = "Released; a retry with the same releasedAt is answered with the declaration as it stands and records nothing", content = @Content(schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or release before lodgement", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "404", description = "No such declaration", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "Already released at another time", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public DeclarationResponse release(@PathParam("id") UUID id, @Valid @NotNull ReleaseRequest request) {
        return response(movements.release(id, request.releasedAt()));
    }

    @POST
    @Path("/{id}/transit-exit")
    @RolesAllowed(CROSSING)
    @Operation(summary = "Record that transit goods left Iraq", description = "Posted by the system of the exit crossing "
            + "named on the transit, and by no other. The transit must have been released at its entry crossing.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TransitExitRequest.class),
            examples = @ExampleObject(name = "exit", value = Examples.TRANSIT_EXIT)))
    @APIResponse(responseCode = "200", description = "Discharged; a retry with the same exitedAt is answered with the declaration as it stands and records nothing", content = @Content(schema = @Schema(implementation = DeclarationResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or exit before release", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "404", description = "No such declaration", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    @APIResponse(responseCode = "409", description = "Not a transit, not yet released, or already exited at another time", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDocument.class)))
    public DeclarationResponse exitTransit(@PathParam("id") UUID id, @Valid @NotNull TransitExitRequest request) {
        return response(movements.exitTransit(id, request.exitedAt()));
    }

    private static Response created(boolean created, UriInfo uri, UUID id, String collection, UUID childId, Object body) {
        if (!created) {
            return Response.ok(body).build();
        }
        URI location = uri.getBaseUriBuilder().path("api/v1/declarations").path(id.toString()).path(collection)
                .path(childId.toString()).build();
        return Response.created(location).entity(body).build();
    }

    static DeclarationResponse response(DeclarationStory story) {
        return DeclarationResponse.of(story.declaration(), story.version(),
                story.weighings().stream().map(WeighingResponse::of).toList(),
                story.inspections().stream().map(InspectionResponse::of).toList());
    }
}
