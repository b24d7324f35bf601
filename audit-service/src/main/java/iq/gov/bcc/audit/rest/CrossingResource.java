package iq.gov.bcc.audit.rest;

import iq.gov.bcc.audit.config.AuditConfig;
import iq.gov.bcc.audit.rest.Views.CrossingView;
import iq.gov.bcc.audit.rest.Views.Scorecard;
import iq.gov.bcc.audit.rest.Views.TypeCount;
import iq.gov.bcc.audit.service.RevenueReports;
import iq.gov.bcc.platform.crossing.Crossing;
import iq.gov.bcc.platform.crossing.CrossingRegistry;
import iq.gov.bcc.platform.problem.Problems;
import iq.gov.bcc.platform.problem.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The crossings and their scorecards. */
@Path("/api/v1/crossings")
@RolesAllowed({ "auditor", "senior-auditor" })
@Tag(name = "Crossings")
@SecurityRequirement(name = "keycloak")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "Not an auditor")
public class CrossingResource {

    static final String EXAMPLE = """
            {"crossing":{"code":"SHL","nameEn":"Shalamcheh","nameAr":"الشلامجة","kind":"LAND","neighbourCountry":"IR",
            "governorate":"Basra","region":"FEDERAL"},"from":"2026-08-01","to":"2026-08-31","declarations":1200,"released":1180,
            "releasedOffHours":96,"offHoursReleaseShare":"0.0814","assessedIqd":"3120000000.000","collectedIqd":"2870000000.000",
            "collectionRatio":"0.9199","discrepancies":41,"amountAtStakeIqd":"250000000.000",
            "byType":[{"type":"UNPAID_RELEASE","count":12,"open":5,"amountAtStakeIqd":"180000000.000"}]}""";

    /** The default scorecard period, in days, today included. */
    static final int DEFAULT_DAYS = 30;

    private final CrossingRegistry registry;
    private final RevenueReports reports;
    private final AuditConfig config;

    CrossingResource(CrossingRegistry registry, RevenueReports reports, AuditConfig config) {
        this.registry = registry;
        this.reports = reports;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The crossings the BCC runs")
    @APIResponse(responseCode = "200", description = "All crossings", content = @Content(schema = @Schema(implementation = CrossingView[].class)))
    public List<CrossingView> crossings() {
        return registry.all().stream().map(CrossingResource::view).toList();
    }

    @GET
    @Path("/{code}/scorecard")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A crossing's scorecard for a period",
            description = "Volume, collection ratio, discrepancies by type and amount, share of releases in the off-hours "
                    + "window. from/to are Baghdad days, inclusive; by default the 30 days ending today (from is today minus 29 "
                    + "days, to is today).")
    @APIResponse(responseCode = "200", description = "The scorecard", content = @Content(schema = @Schema(implementation = Scorecard.class),
            examples = @ExampleObject(name = "SHL", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "from/to malformed", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such crossing")
    public Scorecard scorecard(@Parameter(description = "Crossing code, e.g. SHL") @PathParam("code") String code,
            @Parameter(description = "First day, e.g. 2026-08-01; default 29 days before to") @QueryParam("from") String from,
            @Parameter(description = "Last day (inclusive), e.g. 2026-08-31; default today in Baghdad") @QueryParam("to") String to) {
        Crossing crossing = registry.find(code).orElseThrow(() -> Problems.notFound("crossing", code));
        LocalDate last = Objects.requireNonNullElseGet(QueryParameters.date("to", to), () -> LocalDate.now(config.zone()));
        // from and to are both included: 30 days end 29 days after the first
        LocalDate first = Objects.requireNonNullElse(QueryParameters.date("from", from), last.minusDays(DEFAULT_DAYS - 1));
        if (last.isBefore(first)) {
            throw Problems.badParameter("to", "must not be before from");
        }
        RevenueReports.CrossingFigures figures = reports.crossingFigures(code, first, last);
        List<RevenueReports.TypeFigures> types = reports.discrepancyFigures(code, first, last);
        BigDecimal atStake = types.stream().map(RevenueReports.TypeFigures::amountAtStake).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Scorecard(view(crossing), first.toString(), last.toString(), figures.declarations(), figures.released(),
                figures.releasedOffHours(), ratio(BigDecimal.valueOf(figures.releasedOffHours()), BigDecimal.valueOf(figures.released())),
                figures.revenue().assessed().setScale(3, RoundingMode.HALF_UP).toPlainString(),
                figures.revenue().collected().setScale(3, RoundingMode.HALF_UP).toPlainString(),
                ratio(figures.revenue().collected(), figures.revenue().assessed()),
                types.stream().mapToLong(RevenueReports.TypeFigures::count).sum(),
                atStake.setScale(3, RoundingMode.HALF_UP).toPlainString(),
                types.stream().map(t -> new TypeCount(t.type(), t.count(), t.open(),
                        t.amountAtStake().setScale(3, RoundingMode.HALF_UP).toPlainString())).toList());
    }

    private static String ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null
                : numerator.divide(denominator, MathContext.DECIMAL64).setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    static CrossingView view(Crossing c) {
        return new CrossingView(c.code(), c.nameEn(), c.nameAr(), c.kind().name(), c.neighbourCountry(), c.governorate(),
                c.region().name());
    }
}
