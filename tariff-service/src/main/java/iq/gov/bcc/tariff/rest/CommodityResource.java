package iq.gov.bcc.tariff.rest;

import io.quarkus.security.Authenticated;
import iq.gov.bcc.platform.problem.QueryParameters;
import iq.gov.bcc.tariff.domain.Commodity;
import iq.gov.bcc.tariff.service.NomenclatureService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/commodities")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Nomenclature", description = "HS 2022 nomenclature with national subdivisions")
@SecurityRequirement(name = "keycloak")
public class CommodityResource {

    private final NomenclatureService nomenclature;

    CommodityResource(NomenclatureService nomenclature) {
        this.nomenclature = nomenclature;
    }

    @GET
    @Path("/{hsCode}")
    @Operation(summary = "One commodity code with its direct subdivisions")
    @APIResponse(responseCode = "200", description = "The code")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "404", description = "No such code")
    public CommodityView commodity(@Parameter(description = "2-10 digit code", example = "7214") @PathParam("hsCode") String hsCode) {
        Commodity commodity = nomenclature.find(hsCode);
        return CommodityView.of(commodity, nomenclature.children(hsCode));
    }

    @GET
    @Operation(summary = "Search the nomenclature", description = "Digits search by code prefix; words search the descriptions (every word must appear). Without a query, the chapters.")
    @APIResponse(responseCode = "200", description = "Matching codes, in code order")
    @APIResponse(responseCode = "400", description = "Bad limit")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    public List<CommodityView> search(
            @Parameter(description = "Code prefix or words", example = "steel bars") @QueryParam("query") String query,
            @Parameter(description = "At most this many results",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "50"))
            @QueryParam("limit") String limit) {
        return nomenclature.search(query, QueryParameters.limit(limit, 50, 500)).stream().map(c -> CommodityView.of(c, null)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tariff-admin")
    @Operation(summary = "Add a national 8 or 10 digit line under an HS subheading")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommodityView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a tariff-admin")
    @APIResponse(responseCode = "409", description = "The code exists")
    @APIResponse(responseCode = "422", description = "No subheading to subdivide")
    public Response addNational(@NotNull @Valid NationalCodeRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        Commodity created = nomenclature.addNational(request.code(), request.description());
        return Response.created(uri.getAbsolutePathBuilder().path(created.code).build())
                .entity(CommodityView.of(created, List.of())).build();
    }
}
