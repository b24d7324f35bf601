package iq.gov.bcc.audit.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.Receipt;
import iq.gov.bcc.audit.rest.Views.CorrelationView;
import iq.gov.bcc.audit.rest.Views.TimelineEntry;
import iq.gov.bcc.audit.service.CorrelationQueries;
import iq.gov.bcc.platform.problem.Problems;
import iq.gov.bcc.platform.problem.QueryParameters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The whole story of one declaration. */
@Path("/api/v1/declarations/{id}/correlation")
@RolesAllowed({ "auditor", "senior-auditor" })
@Tag(name = "Correlation")
@SecurityRequirement(name = "keycloak")
public class CorrelationResource {

    static final String EXAMPLE = """
            {"declarationId":"0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11","crossingCode":"SHL","filed":true,"latestVersion":1,
            "direction":"IMPORT","lane":"YELLOW","releasedAt":"2026-11-21T15:10:00Z","dutyAssessedIqd":"2593800.000",
            "paidIqd":"0.000","balanceIqd":"2593800.000","versions":[{"version":1,"...":"..."}],"assessments":[],
            "receipts":[],"weighings":[],"inspections":[],"timeline":[{"eventId":"...","type":"iq.bcc.declaration.filed.v1",
            "crossingCode":"SHL","occurredAt":"2026-11-21T06:30:00Z","recordedAt":"2026-11-21T06:30:01Z"}],
            "discrepancies":[{"type":"UNPAID_RELEASE","status":"OPEN","amountAtStakeIqd":"2593800.000"}]}""";

    private final CorrelationQueries queries;
    private final DiscrepancyMapping mapping;
    private final ObjectMapper json;

    CorrelationResource(CorrelationQueries queries, DiscrepancyMapping mapping, ObjectMapper json) {
        this.queries = queries;
        this.mapping = mapping;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Everything known about one declaration, in order",
            description = "Versions, assessments, receipts, weighings, inspections, release, transit exit, the timeline of "
                    + "events as they happened at the crossing, and its discrepancies.")
    @APIResponse(responseCode = "200", description = "The story", content = @Content(schema = @Schema(implementation = CorrelationView.class),
            examples = @ExampleObject(name = "story", value = EXAMPLE)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID")
    @APIResponse(responseCode = "401", description = "No or invalid bearer token")
    @APIResponse(responseCode = "403", description = "Not an auditor")
    @APIResponse(responseCode = "404", description = "Nothing is known about this declaration")
    public CorrelationView correlation(@PathParam("id") String id) {
        UUID declarationId = QueryParameters.pathId("id", id);
        CorrelationQueries.Correlation c = queries.correlation(declarationId)
                .orElseThrow(() -> Problems.notFound("nothing is known about declaration " + id));
        DeclarationStory story = c.story();
        List<JsonNode> assessments = new ArrayList<>();
        story.versions().keySet().forEach(v -> story.assessmentOf(v).ifPresent(assessments::add));
        List<JsonNode> receipts = story.receipts().stream().map(this::receipt).toList();
        BigDecimal duty = story.dutyDue().orElse(null);
        List<TimelineEntry> timeline = c.facts().stream().map(f -> new TimelineEntry(f.eventId, f.eventType, f.crossingCode,
                f.occurredAt, f.recordedAt)).toList();
        return new CorrelationView(declarationId, story.crossingCode(), story.filed(),
                story.latest().map(v -> v.path("version").asInt()).orElse(null),
                story.latest().map(v -> DeclarationStory.text(v, "direction")).orElse(null), story.lane().orElse(null),
                story.releasedAt().orElse(null), duty == null ? null : duty.setScale(3).toPlainString(),
                story.paidIqd().setScale(3).toPlainString(),
                duty == null ? null : duty.subtract(story.paidIqd()).setScale(3).toPlainString(),
                List.copyOf(story.versions().values()), assessments, receipts, story.weighings(), story.inspections(),
                story.release().orElse(null), story.transitExit().orElse(null), timeline,
                c.discrepancies().stream().map(d -> mapping.view(d, null)).toList());
    }

    private JsonNode receipt(Receipt r) {
        ObjectNode node = json.createObjectNode();
        node.put("receiptId", r.receiptId.toString());
        node.put("receiptNumber", r.receiptNumber);
        node.put("crossingCode", r.crossingCode);
        node.put("amount", r.amount.toPlainString());
        node.put("currency", r.currency);
        node.put("amountIqd", r.amountIqd == null ? null : r.amountIqd.toPlainString());
        node.put("method", r.method);
        node.put("paidAt", r.paidAt.toInstant().toString());
        node.put("declarationKnown", r.declarationKnown);
        return node;
    }
}
