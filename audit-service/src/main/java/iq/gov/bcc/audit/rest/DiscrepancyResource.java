package iq.gov.bcc.audit.rest;

import iq.gov.bcc.audit.config.AuditConfig;
import iq.gov.bcc.audit.domain.DecisionKind;
import iq.gov.bcc.audit.domain.Discrepancy;
import iq.gov.bcc.audit.domain.DiscrepancyStatus;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import iq.gov.bcc.audit.rest.Views.DecisionRequest;
import iq.gov.bcc.audit.rest.Views.DiscrepancyPage;
import iq.gov.bcc.audit.rest.Views.DiscrepancyView;
import iq.gov.bcc.audit.service.Cursor;
import iq.gov.bcc.audit.service.DiscrepancyCases;
import iq.gov.bcc.audit.service.DiscrepancyFilter;
import io.quarkus.security.identity.SecurityIdentity;
import iq.gov.bcc.platform.problem.Problems;
import iq.gov.bcc.platform.problem.QueryParameters;
import iq.gov.bcc.platform.validation.PlainText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Discrepancy cases: list (JSON or CSV), read, decide. */
@Path("/api/v1/discrepancies")
@RolesAllowed({ "auditor", "senior-auditor" })
@Tag(name = "Discrepancies")
@SecurityRequirement(name = "keycloak")
@APIResponse(responseCode = "401", description = "No or invalid bearer token")
@APIResponse(responseCode = "403", description = "The token has neither the auditor nor the senior-auditor role")
public class DiscrepancyResource {

    static final int CSV_PAGE = 500;
    static final String CSV_HEADER = "id,type,status,declarationId,crossingCode,amountAtStakeIqd,detectedAt,closedAt,closedReason,evidence";

    static final String EXAMPLE_PAGE = """
            {"items":[{"id":"6f1d7d0e-0a6b-3f4e-9d7a-2c7e8b1f0a11","type":"UNPAID_RELEASE",
            "declarationId":"0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11","crossingCode":"SHL",
            "evidence":{"releasedAt":"2026-11-21T15:10:00Z","dutyAssessedIqd":"2593800.000","paidIqd":"0.000","unpaidIqd":"2593800.000"},
            "amountAtStakeIqd":"2593800.000","detectedAt":"2026-11-22T15:10:00Z","status":"OPEN",
            "fourEyes":{"required":false,"thresholdIqd":"10000000","pending":false}}],
            "nextCursor":"MTc2Mzc4..."}""";
    static final String EXAMPLE_DECISION = """
            {"decision":"DISMISS","reason":"Receipt 88812 was paid at the Basra branch of Rafidain bank; copy attached to the case file."}""";
    static final String EXAMPLE_PROBLEM = """
            {"type":"about:blank","status":400,"title":"Bad Request","detail":"type must be one of UNPAID_RELEASE, UNDERPAYMENT, ...",
            "violations":[{"field":"type","in":"query","message":"must be one of UNPAID_RELEASE, UNDERPAYMENT, ..."}]}""";

    private final DiscrepancyCases cases;
    private final DiscrepancyMapping mapping;
    private final AuditConfig config;
    private final SecurityIdentity identity;

    DiscrepancyResource(DiscrepancyCases cases, DiscrepancyMapping mapping, AuditConfig config, SecurityIdentity identity) {
        this.cases = cases;
        this.mapping = mapping;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, "text/csv" })
    @Operation(summary = "List discrepancies across all crossings, newest first",
            description = "Keyset pagination: pass nextCursor back as cursor. Send Accept: text/csv for a streamed CSV export "
                    + "of every match (limit, if given, caps the export): UTF-8 starting with a byte-order mark, so that "
                    + "Excel reads Arabic text correctly.")
    @APIResponse(responseCode = "200", description = "One page of cases, or the CSV export", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DiscrepancyPage.class),
                    examples = @ExampleObject(name = "page", value = EXAMPLE_PAGE)),
            @Content(mediaType = "text/csv", examples = @ExampleObject(name = "csv", value = CSV_HEADER
                    + "\n6f1d...,UNPAID_RELEASE,OPEN,0b7f...,SHL,2593800.000,2026-11-22T15:10:00Z,,,\"{...}\"")) })
    @APIResponse(responseCode = "400", description = "A filter is malformed; the problem names it",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "bad type", value = EXAMPLE_PROBLEM)))
    public Response discrepancies(
            @Parameter(description = "Crossing code, e.g. SHL") @QueryParam("crossing") String crossing,
            @Parameter(description = "Discrepancy type, e.g. UNPAID_RELEASE") @QueryParam("type") String type,
            @Parameter(description = "OPEN, UNDER_REVIEW, CONFIRMED, DISMISSED or CLOSED") @QueryParam("status") String status,
            @Parameter(description = "Detected on or after: a date (Baghdad day) or date-time with offset") @QueryParam("from") String from,
            @Parameter(description = "Detected before the end of this date, or before this date-time") @QueryParam("to") String to,
            @Parameter(description = "Minimum amount at stake, IQD") @QueryParam("minAmountIqd") String minAmountIqd,
            @Parameter(description = "Page size, 1–500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context HttpHeaders headers) {
        boolean csv = headers.getAcceptableMediaTypes().stream().findFirst()
                .map(m -> m.getType().equals("text") && m.getSubtype().equals("csv")).orElse(false);
        if (csv) {
            return export(crossing, type, status, from, to, minAmountIqd, limit, cursor);
        }
        return Response.ok(page(crossing, type, status, from, to, minAmountIqd, limit, cursor), MediaType.APPLICATION_JSON).build();
    }

    private DiscrepancyPage page(String crossing, String type, String status, String from, String to, String minAmountIqd,
            String limit, String cursor) {
        DiscrepancyFilter filter = filter(crossing, type, status, from, to, minAmountIqd);
        int size = QueryParameters.limit(limit, 50, 500);
        List<Discrepancy> rows = cases.list(filter, size + 1, cursor(cursor));
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Discrepancy last = rows.get(size - 1);
            next = new Cursor(last.detectedAt, last.id).encode();
        }
        return new DiscrepancyPage(rows.stream().map(d -> mapping.view(d, null)).toList(), next);
    }

    private Response export(String crossing, String type, String status, String from, String to, String minAmountIqd,
            String limit, String cursor) {
        DiscrepancyFilter filter = filter(crossing, type, status, from, to, minAmountIqd);
        int max = QueryParameters.limit(limit, Integer.MAX_VALUE, Integer.MAX_VALUE);
        Cursor start = cursor(cursor);
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            // A byte-order mark: without it Excel, which auditors open the export in, reads UTF-8 as ANSI and garbles Arabic.
            writer.write('\uFEFF');
            writer.write(CSV_HEADER);
            writer.write('\n');
            Cursor position = start;
            int written = 0;
            while (written < max) {
                int want = Math.min(CSV_PAGE, max - written);
                List<Discrepancy> page = cases.list(filter, want, position);
                for (Discrepancy d : page) {
                    writer.write(csv(d));
                    writer.write('\n');
                }
                written += page.size();
                writer.flush();
                if (page.size() < want) {
                    break;
                }
                Discrepancy last = page.get(page.size() - 1);
                position = new Cursor(last.detectedAt, last.id);
            }
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"discrepancies.csv\"").build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One discrepancy with its evidence, four-eyes state and decision history")
    @APIResponse(responseCode = "200", description = "The case", content = @Content(schema = @Schema(implementation = DiscrepancyView.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "404", description = "No such discrepancy")
    public DiscrepancyView discrepancy(@PathParam("id") String id) {
        UUID uuid = QueryParameters.pathId("id", id);
        Discrepancy d = cases.find(uuid).orElseThrow(() -> Problems.notFound("discrepancy", id));
        return mapping.view(d, cases.history(uuid));
    }

    @POST
    @Path("/{id}/decisions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Decide a case: REVIEW, CONFIRM or DISMISS, with a reason",
            description = "Decisions are kept as an append-only history. A DISMISS of a case whose amount at stake is above "
                    + "bcc.audit.four-eyes-amount-iqd only takes effect after a second DISMISS by a different senior-auditor; "
                    + "until then fourEyes.pending is true.")
    @RequestBody(content = @Content(schema = @Schema(implementation = DecisionRequest.class),
            examples = @ExampleObject(name = "dismiss", value = EXAMPLE_DECISION)))
    @APIResponse(responseCode = "201", description = "Decision recorded; the case as it now stands",
            content = @Content(schema = @Schema(implementation = DiscrepancyView.class)))
    @APIResponse(responseCode = "400", description = "decision or reason missing or invalid",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "404", description = "No such discrepancy")
    @APIResponse(responseCode = "409", description = "The case is already final, or the same person dismissed it twice")
    public Response decide(@PathParam("id") String id, DecisionRequest request) {
        UUID uuid = QueryParameters.pathId("id", id);
        if (request == null) {
            throw Problems.badField("decision", "a JSON body {decision, reason} is required");
        }
        if (request.decision() == null || request.decision().isBlank()) {
            throw Problems.badField("decision", "is required: REVIEW, CONFIRM or DISMISS");
        }
        DecisionKind kind;
        try {
            kind = DecisionKind.valueOf(request.decision().trim());
        } catch (IllegalArgumentException e) {
            throw Problems.badField("decision", "must be one of REVIEW, CONFIRM, DISMISS");
        }
        if (request.reason() == null || request.reason().isBlank()) {
            throw Problems.badField("reason", "is required");
        }
        if (request.reason().length() > 4000) {
            throw Problems.badField("reason", "must be at most 4000 characters");
        }
        if (!PlainText.Validator.isPlain(request.reason(), true)) {
            throw Problems.badField("reason", "must not contain control characters other than tabs and line breaks");
        }
        Discrepancy d = cases.decide(uuid, kind, request.reason().trim(), identity.getPrincipal().getName(),
                identity.hasRole("senior-auditor"));
        return Response.status(Response.Status.CREATED).location(java.net.URI.create("/api/v1/discrepancies/" + uuid))
                .entity(mapping.view(d, cases.history(uuid))).type(MediaType.APPLICATION_JSON).build();
    }

    private DiscrepancyFilter filter(String crossing, String type, String status, String from, String to, String min) {
        if (crossing != null && !crossing.isBlank() && !crossing.matches("[A-Z]{3}")) {
            throw Problems.badParameter("crossing", "must be a three-letter crossing code, e.g. SHL");
        }
        return new DiscrepancyFilter(crossing == null || crossing.isBlank() ? null : crossing,
                QueryParameters.enumValue("type", type, DiscrepancyType.class),
                QueryParameters.enumValue("status", status, DiscrepancyStatus.class),
                QueryParameters.dayOrTime("from", from, config.zone(), false), QueryParameters.dayOrTime("to", to, config.zone(), true),
                QueryParameters.amount("minAmountIqd", min));
    }

    private static Cursor cursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Cursor.decode(cursor);
        } catch (RuntimeException e) {
            throw Problems.badParameter("cursor", "is not a cursor returned by this service");
        }
    }

    private static String csv(Discrepancy d) {
        return String.join(",", d.id.toString(), d.type.name(), d.status.name(), d.declarationId.toString(),
                cell(d.crossingCode), d.amountAtStakeIqd.toPlainString(), d.detectedAt.toInstant().toString(),
                d.closedAt == null ? "" : d.closedAt.toInstant().toString(), cell(d.closedReason), cell(d.evidence));
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
