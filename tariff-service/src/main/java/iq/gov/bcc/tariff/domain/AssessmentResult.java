package iq.gov.bcc.tariff.domain;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The assessment of one declaration version: exactly the data of {@code iq.bcc.assessment.completed.v1}
 * (docs/event-contracts.md). Money is a decimal string in IQD, rounded half-up to 3 decimals.
 */
@JsonPropertyOrder({"assessmentId", "declarationId", "declarationVersion", "crossingCode", "lodgedAt", "assessedAt",
        "currency", "totalCustomsValueIqd", "totalDutyIqd", "items", "explanation"})
@Schema(description = "Duty assessment of a declaration version (also the data of iq.bcc.assessment.completed.v1)")
public record AssessmentResult(
        @Schema(example = "5d1c7a8e-8a41-4b8e-9d2c-2f3b4c5d6e7f") UUID assessmentId,
        @Schema(example = "0b7f5c1e-2a1d-4c39-9a57-3f3c9f1d2e11") UUID declarationId,
        @Schema(example = "1") Integer declarationVersion,
        @Schema(example = "SHL") String crossingCode,
        @Schema(example = "2026-11-21T06:30:00Z") OffsetDateTime lodgedAt,
        @Schema(example = "2026-11-21T06:30:01Z") OffsetDateTime assessedAt,
        @Schema(example = "IQD") String currency,
        @Schema(example = "17292000.000") String totalCustomsValueIqd,
        @Schema(example = "2593800.000") String totalDutyIqd,
        List<Line> items,
        @Schema(example = "Line 1: HS 721420 from IR, measure 9a0e… v2 (15 %): 15 % of 17,292,000 IQD = 2,593,800 IQD. Total 2,593,800 IQD, rounded half-up to 3 decimals.") String explanation) {

    @JsonPropertyOrder({"line", "hsCode", "measureId", "measureVersion", "dutyExpression", "exchangeRate",
            "customsValueIqd", "netWeightKg", "dutyBeforeExemptionIqd", "exemption", "dutyIqd"})
    public record Line(
            @Schema(example = "1") int line,
            @Schema(example = "721420") String hsCode,
            @Schema(description = "Null when no measure was in force", example = "9a0e2f5c-1d3b-4a6e-8f7a-0b1c2d3e4f5a") UUID measureId,
            @Schema(example = "2") Integer measureVersion,
            @Schema(example = "15 %") String dutyExpression,
            RateUsed exchangeRate,
            @Schema(example = "17292000.000") String customsValueIqd,
            @Schema(example = "24000.000") BigDecimal netWeightKg,
            @Schema(example = "2593800.000") String dutyBeforeExemptionIqd,
            @Schema(description = "Null when the item names no licence") ExemptionOutcome exemption,
            @Schema(example = "2593800.000") String dutyIqd) {
    }

    @JsonPropertyOrder({"currency", "rateToIqd", "validFrom"})
    public record RateUsed(
            @Schema(example = "USD") String currency,
            @Schema(example = "1310.0000") String rateToIqd,
            @Schema(example = "2026-01-01") java.time.LocalDate validFrom) {
    }

    @JsonPropertyOrder({"licenceNumber", "applied", "refusal", "detail", "waivedIqd"})
    public record ExemptionOutcome(
            @Schema(example = "INV-2024-0042") String licenceNumber,
            @Schema(example = "false") boolean applied,
            @Schema(example = "REVOKED") ExemptionRefusal refusal,
            @Schema(example = "revoked with effect from 2026-03-01 by decree 12/2026") String detail,
            @Schema(example = "0.000") String waivedIqd) {
    }
}
