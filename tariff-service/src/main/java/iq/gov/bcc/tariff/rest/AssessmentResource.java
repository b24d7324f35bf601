package iq.gov.bcc.tariff.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import iq.gov.bcc.tariff.domain.Assessment;
import iq.gov.bcc.tariff.domain.AssessmentResult;
import iq.gov.bcc.tariff.domain.Declaration;
import iq.gov.bcc.tariff.service.AssessmentService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/assessments")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Assessments", description = "Duty due on a declaration, per item, in IQD")
@SecurityRequirement(name = "keycloak")
public class AssessmentResource {

    static final String DECLARATION_EXAMPLE = """
            {"declarationId": "0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11", "version": 1, "crossingCode": "SHL",
             "reference": "SHL-2026-000123", "direction": "IMPORT", "lodgedAt": "2026-11-21T06:30:00Z",
             "trader": {"taxId": "IQ-100200300", "name": "شركة البصرة للحديد"}, "vehiclePlate": "BSR 12345",
             "originCountry": "IR",
             "items": [{"line": 1, "hsCode": "721420", "description": "Reinforcing steel bars", "quantity": 24000,
                        "unit": "KGM", "netWeightKg": 24000.000, "grossWeightKg": 24350.000,
                        "customsValue": {"amount": "13200.00", "currency": "USD"}, "exemptionLicence": null}]}
            """;
    static final String ASSESSMENT_EXAMPLE = """
            {"assessmentId": "5d1c7a8e-8a41-4b8e-9d2c-2f3b4c5d6e7f",
             "declarationId": "0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11", "declarationVersion": 1, "crossingCode": "SHL",
             "lodgedAt": "2026-11-21T06:30:00Z", "assessedAt": "2026-11-21T06:30:01Z", "currency": "IQD",
             "totalCustomsValueIqd": "17292000.000", "totalDutyIqd": "2593800.000",
             "items": [{"line": 1, "hsCode": "721420", "measureId": "9a0e2f5c-1d3b-4a6e-8f7a-0b1c2d3e4f5a",
                        "measureVersion": 1, "dutyExpression": "15 %",
                        "exchangeRate": {"currency": "USD", "rateToIqd": "1310.0000", "validFrom": "2024-01-01"},
                        "customsValueIqd": "17292000.000", "netWeightKg": 24000.000,
                        "dutyBeforeExemptionIqd": "2593800.000", "exemption": null, "dutyIqd": "2593800.000"}],
             "explanation": "Line 1: HS 721420 from IR, value 13,200 USD at 1310.0000 IQD (rate from 2024-01-01) = 17,292,000 IQD; measure 9a0e2f5c-1d3b-4a6e-8f7a-0b1c2d3e4f5a version 1 on HS 7214 (SAMPLE — not the legal schedule (reinforcing bars)): 15 % of 17,292,000 IQD = 2,593,800 IQD; duty 2,593,800 IQD. Total 2,593,800 IQD on a customs value of 17,292,000 IQD, judged at lodgement 2026-11-21T06:30Z (2026-11-21 in Asia/Baghdad); amounts in IQD rounded half-up to 3 decimals."}
            """;

    private final AssessmentService assessments;
    private final ObjectMapper json;

    AssessmentResource(AssessmentService assessments, ObjectMapper json) {
        this.assessments = assessments;
        this.json = json;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assess a declaration (preview)", description = "Judged at lodgedAt: measure in force, exchange rate in force, exemption validity. A preview: it records nothing and consumes no licence quota (the declaration events do).")
    @org.eclipse.microprofile.openapi.annotations.parameters.RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Declaration.class),
            examples = @ExampleObject(name = "steel bars from Iran", value = DECLARATION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The assessment", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentResult.class),
            examples = @ExampleObject(name = "steel bars from Iran", value = ASSESSMENT_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid body (problem+json naming the field)")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    @APIResponse(responseCode = "422", description = "No exchange rate for a currency on the lodgement day")
    public AssessmentResult assess(@NotNull @Valid Declaration declaration) {
        return assessments.preview(declaration);
    }

    @GET
    @Operation(summary = "Recorded assessments of a declaration, one per assessed version", description = "Each is the data published as iq.bcc.assessment.completed.v1.")
    @APIResponse(responseCode = "200", description = "Assessments, oldest version first")
    @APIResponse(responseCode = "400", description = "declarationId missing")
    @APIResponse(responseCode = "401", description = "No or invalid token")
    public List<AssessmentResult> assessments(@Parameter(required = true, example = "0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11") @QueryParam("declarationId") @NotNull UUID declarationId)
            throws JsonProcessingException {
        List<AssessmentResult> documents = new ArrayList<>();
        for (Assessment a : assessments.recorded(declarationId)) {
            documents.add(json.readValue(a.document, AssessmentResult.class));
        }
        return documents;
    }
}
