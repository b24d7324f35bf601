package iq.gov.bcc.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON the audit API answers with; entities never leave the service. */
public final class Views {

    /*
     * The closed sets of values (type, status, decision, effect) are described as strings with a pattern, not
     * as OpenAPI enums: the Java clients generated from this document (clients/) would turn an enum into a
     * Java enum type and change the getters and setters the simulator and the system tests call.
     */
    static final String TYPES = "UNPAID_RELEASE|UNDERPAYMENT|ORPHAN_PAYMENT|DUPLICATE_RECEIPT|WEIGHT_MISMATCH|"
            + "POST_FILING_RECLASSIFICATION|INVALID_EXEMPTION|OFF_HOURS_RELEASE|UNIT_VALUE_OUTLIER|"
            + "RED_LANE_NOT_INSPECTED|TRANSIT_NOT_DISCHARGED";
    static final String STATUSES = "OPEN|UNDER_REVIEW|CONFIRMED|DISMISSED|CLOSED";
    static final String DECISIONS = "REVIEW|CONFIRM|DISMISS";
    static final String EFFECTS = "APPLIED|AWAITING_SECOND_SENIOR";

    private Views() {
    }

    /** The schema of a case's evidence in the OpenAPI document; the JSON itself is the rule's own. */
    @Schema(name = "Evidence", type = SchemaType.OBJECT, additionalProperties = Schema.True.class,
            description = "What the rule found, in the rule's own terms: the facts that raised the case (times, amounts "
                    + "in IQD as decimal strings, receipts, weighings...) and the figures it compared. Its keys depend "
                    + "on the type.",
            example = "{\"releasedAt\":\"2026-11-21T15:10:00Z\",\"graceEndedAt\":\"2026-11-22T15:10:00Z\","
                    + "\"dutyAssessedIqd\":\"2593800.000\",\"paidIqd\":\"0.000\",\"unpaidIqd\":\"2593800.000\",\"receipts\":[]}")
    public interface Evidence {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A discrepancy case: what a rule found in one declaration's story, the money at stake, and "
            + "what auditors decided.")
    public record DiscrepancyView(
            @Schema(description = "The case id, derived from type, declaration and subject: the same in a replay")
            UUID id,
            @Schema(description = "The discrepancy type: " + TYPES, pattern = "^(" + TYPES + ")$", example = "UNPAID_RELEASE")
            String type,
            @Schema(description = "The declaration the case is about") UUID declarationId,
            @Schema(description = "The crossing of the declaration (or of the receipt, for a receipt with no declaration)",
                    example = "SHL")
            String crossingCode,
            @Schema(implementation = Evidence.class) JsonNode evidence,
            @Schema(description = "The amount at stake in IQD, a decimal string with three places", example = "2593800.000")
            String amountAtStakeIqd,
            @Schema(description = "When the finding arose: the triggering event's recording time, or the breach instant of "
                    + "a time-based rule")
            OffsetDateTime detectedAt,
            @Schema(description = "OPEN (raised), UNDER_REVIEW (being worked, or a dismissal awaits a second senior "
                    + "auditor), CONFIRMED or DISMISSED (decided, final), CLOSED (later facts cured it; reopens as OPEN "
                    + "if the finding returns)", pattern = "^(" + STATUSES + ")$", example = "OPEN")
            String status,
            @Schema(description = "Why a CLOSED case was closed: the rule's cure, and any dismissal that lapsed with it")
            String closedReason,
            @Schema(description = "When a CLOSED case was closed") OffsetDateTime closedAt,
            FourEyesView fourEyes,
            @Schema(description = "The decisions, oldest first; only on a single case and in its decision answer")
            List<DecisionView> decisions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Four eyes: whether a dismissal of this case needs a second, different senior auditor, and "
            + "the first dismissal while it waits.")
    public record FourEyesView(
            @Schema(description = "Whether the amount at stake is above the threshold, so a DISMISS needs a second one")
            boolean required,
            @Schema(description = "The threshold in IQD (bcc.audit.four-eyes-amount-iqd)", example = "10000000")
            String thresholdIqd,
            @Schema(description = "Whether a first DISMISS waits for a second one; false once the case is final, and "
                    + "after an automatic close (the waiting dismissal lapses)")
            boolean pending,
            @Schema(description = "Who dismissed first, while pending", example = "auditor") String firstDismissedBy,
            @Schema(description = "When the first dismissal was recorded, while pending") OffsetDateTime firstDismissedAt,
            @Schema(description = "The first dismissal's reason, while pending") String firstReason,
            @Schema(description = "What the dismissal waits for, while pending",
                    example = "a DISMISS by a senior-auditor other than auditor")
            String awaiting) {
    }

    @Schema(description = "One decision in a case's append-only history.")
    public record DecisionView(
            @Schema(description = "The decision's id") UUID id,
            @Schema(description = "What was decided: " + DECISIONS, pattern = "^(" + DECISIONS + ")$", example = "DISMISS")
            String decision,
            @Schema(description = "The reason given") String reason,
            @Schema(description = "Who decided (the token's user name)", example = "senior") String decidedBy,
            @Schema(description = "When") OffsetDateTime decidedAt,
            @Schema(description = "APPLIED, or AWAITING_SECOND_SENIOR for a first dismissal of a case above the four-eyes "
                    + "threshold", pattern = "^(" + EFFECTS + ")$", example = "APPLIED")
            String effect) {
    }

    public record DiscrepancyPage(List<DiscrepancyView> items, String nextCursor) {
    }

    @Schema(description = "An auditor's decision on a case.")
    public record DecisionRequest(
            @Schema(description = "REVIEW (start working it), CONFIRM (the revenue was lost; final) or DISMISS (not a loss; "
                    + "above the four-eyes threshold it needs a second DISMISS by a different senior auditor)",
                    required = true, pattern = "^(" + DECISIONS + ")$", example = "DISMISS")
            String decision,
            @Schema(description = "Why, for the record: 1 to 4000 characters, no control characters but tabs and line "
                    + "breaks", required = true, minLength = 1, maxLength = 4000,
                    example = "Receipt 88812 was paid at the Basra branch of Rafidain bank; copy attached to the case file.")
            String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(UUID eventId, String type, String crossingCode, OffsetDateTime occurredAt,
            OffsetDateTime recordedAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CorrelationView(UUID declarationId, String crossingCode, boolean filed, Integer latestVersion,
            String direction, String lane, OffsetDateTime releasedAt, String dutyAssessedIqd, String paidIqd,
            String balanceIqd, List<JsonNode> versions, List<JsonNode> assessments, List<JsonNode> receipts,
            List<JsonNode> weighings, List<JsonNode> inspections, JsonNode release, JsonNode transitExit,
            List<TimelineEntry> timeline, List<DiscrepancyView> discrepancies) {
    }

    public record Figures(String assessedIqd, String collectedIqd, String gapIqd) {
    }

    public record RevenueRow(String key, Figures current, String previousKey, Figures previousYear) {
    }

    public record RevenueReport(String from, String to, String groupBy, String currency, List<RevenueRow> rows,
            Figures total, Figures previousYearTotal) {
    }

    public record CrossingView(String code, String nameEn, String nameAr, String kind, String neighbourCountry,
            String governorate, String region) {
    }

    @Schema(description = "A crossing's cases of one type detected in the period.")
    public record TypeCount(
            @Schema(description = "The discrepancy type: " + TYPES, pattern = "^(" + TYPES + ")$", example = "UNPAID_RELEASE")
            String type,
            @Schema(description = "Cases of this type detected in the period") long count,
            @Schema(description = "Of those, the ones still OPEN or UNDER_REVIEW") long open,
            @Schema(description = "Their amount at stake in IQD", example = "180000000.000") String amountAtStakeIqd) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "One crossing over a period of Baghdad days, both ends included.")
    public record Scorecard(
            CrossingView crossing,
            @Schema(description = "First day of the period", example = "2026-08-01") String from,
            @Schema(description = "Last day of the period, included", example = "2026-08-31") String to,
            @Schema(description = "Filed declarations lodged in the period") long declarations,
            @Schema(description = "Of those, the ones released") long released,
            @Schema(description = "Of those released, the ones released in the off-hours window (18:00-06:00 Baghdad)")
            long releasedOffHours,
            @Schema(description = "releasedOffHours / released, four decimals; absent when nothing was released",
                    example = "0.0814")
            String offHoursReleaseShare,
            @Schema(description = "Duty assessed for those declarations in IQD", example = "3120000000.000") String assessedIqd,
            @Schema(description = "Receipts for those declarations in IQD", example = "2870000000.000") String collectedIqd,
            @Schema(description = "collectedIqd / assessedIqd, four decimals; absent when nothing was assessed",
                    example = "0.9199")
            String collectionRatio,
            @Schema(description = "Cases detected in the period at this crossing") long discrepancies,
            @Schema(description = "Their amount at stake in IQD", example = "250000000.000") String amountAtStakeIqd,
            @Schema(description = "The cases by type") List<TypeCount> byType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LedgerReport(boolean intact, long verifiedEntries, String headHash, Long firstBrokenSequence,
            String problem, OffsetDateTime verifiedAt) {
    }
}
