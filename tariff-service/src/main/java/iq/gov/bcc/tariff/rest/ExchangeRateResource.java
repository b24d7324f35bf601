package iq.gov.bcc.tariff.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import iq.gov.bcc.platform.problem.QueryParameters;
import iq.gov.bcc.tariff.domain.ExchangeRate;
import iq.gov.bcc.tariff.service.ExchangeRateService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

@Path("/api/v1/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Exchange rates", description = "Rates to IQD with validity dates; an assessment uses the rate in force on the lodgement day")
@SecurityRequirement(name = "keycloak")
public class ExchangeRateResource {

    private final ExchangeRateService rates;
    private final SecurityIdentity identity;

    ExchangeRateResource(ExchangeRateService rates, SecurityIdentity identity) {
        this.rates = rates;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Exchange rates", description = "With `at`: the rate in force that day per currency. With only `currency`: its full history, corrections included.")
    @APIResponse(responseCode = "200", description = "Rates")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "400", description = "Bad parameter (problem+json naming it)")
    public List<ExchangeRateView> exchangeRates(
            @Parameter(description = "ISO 4217 code", example = "USD") @QueryParam("currency") @Pattern(regexp = "[A-Z]{3}") String currency,
            @Parameter(description = "Day (Baghdad)", example = "2026-03-20") @QueryParam("at") String at) {
        return rates.list(currency, QueryParameters.date("at", at)).stream().map(ExchangeRateView::of)
                .toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("tariff-admin")
    @Operation(summary = "Publish a rate", description = "A rate for a currency and validFrom that already has one corrects it (the old one stays in history).")
    @APIResponse(responseCode = "201", description = "Published", content = @Content(mediaType = "application/json", schema = @Schema(implementation = ExchangeRateView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "403", description = "Not a tariff-admin")
    @APIResponse(responseCode = "422", description = "Unknown currency or inconsistent dates")
    public Response publish(@NotNull @Valid ExchangeRateRequest request, @Context UriInfo uri) {
        ExchangeRate rate = rates.publish(request.currency(), request.rateToIqd(), request.validFrom(),
                request.validTo(), request.source(), identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().queryParam("currency", rate.currency).build())
                .entity(ExchangeRateView.of(rate)).build();
    }
}
