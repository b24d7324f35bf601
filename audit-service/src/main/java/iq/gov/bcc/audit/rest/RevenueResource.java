package iq.gov.bcc.audit.rest;

import iq.gov.bcc.audit.rest.Views.Figures;
import iq.gov.bcc.audit.rest.Views.RevenueReport;
import iq.gov.bcc.audit.rest.Views.RevenueRow;
import iq.gov.bcc.audit.service.RevenueReports;
import iq.gov.bcc.audit.service.RevenueReports.Totals;
import iq.gov.bcc.platform.problem.Problems;
import iq.gov.bcc.platform.problem.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Assessed, collected and gap, with the same period a year earlier. */
@Path("/api/v1/revenue")
@RolesAllowed({ "auditor", "senior-auditor" })
@Tag(name = "Revenue")
@SecurityRequirement(name = "keycloak")
public class RevenueResource {

    static final String EXAMPLE = """
            {"from":"2026-08-01","to":"2026-08-31","groupBy":"crossing","currency":"IQD",
            "rows":[{"key":"SHL","current":{"assessedIqd":"2593800.000","collectedIqd":"1000000.000","gapIqd":"1593800.000"},
            "previousKey":"SHL","previousYear":{"assessedIqd":"900000.000","collectedIqd":"900000.000","gapIqd":"0.000"}}],
            "total":{"assessedIqd":"2593800.000","collectedIqd":"1000000.000","gapIqd":"1593800.000"},
            "previousYearTotal":{"assessedIqd":"900000.000","collectedIqd":"900000.000","gapIqd":"0.000"}}""";

    private final RevenueReports reports;

    RevenueResource(RevenueReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revenue by crossing or by month, against the same period a year earlier",
            description = "Assessed: duty of the latest version of each declaration lodged in the period (Baghdad days, "
                    + "from and to inclusive). Collected: the receipts of those declarations in IQD. Gap: assessed minus collected.")
    @APIResponse(responseCode = "200", description = "The report", content = @Content(schema = @Schema(implementation = RevenueReport.class),
            examples = @ExampleObject(name = "august", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "from/to missing or malformed, from after to, or groupBy unknown",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an auditor")
    public RevenueReport revenue(@Parameter(description = "First day, e.g. 2026-08-01", required = true) @QueryParam("from") String from,
            @Parameter(description = "Last day (inclusive), e.g. 2026-08-31", required = true) @QueryParam("to") String to,
            @Parameter(description = "crossing (default) or month") @QueryParam("groupBy") String groupBy) {
        LocalDate first = QueryParameters.requiredDate("from", from);
        LocalDate last = QueryParameters.requiredDate("to", to);
        if (last.isBefore(first)) {
            throw Problems.badParameter("to", "must not be before from");
        }
        String grouping = groupBy == null || groupBy.isBlank() ? "crossing" : groupBy;
        if (!grouping.equals("crossing") && !grouping.equals("month")) {
            throw Problems.badParameter("groupBy", "must be crossing or month");
        }
        boolean byMonth = grouping.equals("month");
        Map<String, Totals> current = reports.revenue(first, last, byMonth);
        Map<String, Totals> previous = reports.revenue(first.minusYears(1), yearEarlier(last), byMonth);
        TreeSet<String> keys = new TreeSet<>(current.keySet());
        previous.keySet().forEach(k -> keys.add(byMonth ? YearMonth.parse(k).plusYears(1).toString() : k));
        List<RevenueRow> rows = new ArrayList<>();
        for (String key : keys) {
            String previousKey = byMonth ? YearMonth.parse(key).minusYears(1).toString() : key;
            rows.add(new RevenueRow(key, figures(current.getOrDefault(key, Totals.ZERO)), previousKey,
                    figures(previous.getOrDefault(previousKey, Totals.ZERO))));
        }
        return new RevenueReport(first.toString(), last.toString(), grouping, "IQD", rows,
                figures(RevenueReports.sum(current.values())), figures(RevenueReports.sum(previous.values())));
    }

    /**
     * The last day of the period a year earlier. A period ending on its month's last day ends on that
     * month's last day a year earlier: February 2029 is compared with the whole of February 2028,
     * 29 February included, not with a period that stops on the 28th.
     */
    static LocalDate yearEarlier(LocalDate last) {
        YearMonth month = YearMonth.from(last);
        return last.equals(month.atEndOfMonth()) ? month.minusYears(1).atEndOfMonth() : last.minusYears(1);
    }

    static Figures figures(Totals t) {
        return new Figures(t.assessed().setScale(3, RoundingMode.HALF_UP).toPlainString(),
                t.collected().setScale(3, RoundingMode.HALF_UP).toPlainString(),
                t.gap().setScale(3, RoundingMode.HALF_UP).toPlainString());
    }
}
