package iq.gov.bcc.audit.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The JSON the audit API answers with; entities never leave the service. */
public final class Views {

    private Views() {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DiscrepancyView(UUID id, String type, UUID declarationId, String crossingCode, JsonNode evidence,
            String amountAtStakeIqd, OffsetDateTime detectedAt, String status, String closedReason,
            OffsetDateTime closedAt, FourEyesView fourEyes, List<DecisionView> decisions) {
    }

    /** Whether a dismissal of this case needs a second senior auditor, and who dismissed first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FourEyesView(boolean required, String thresholdIqd, boolean pending, String firstDismissedBy,
            OffsetDateTime firstDismissedAt, String firstReason, String awaiting) {
    }

    public record DecisionView(UUID id, String decision, String reason, String decidedBy, OffsetDateTime decidedAt,
            String effect) {
    }

    public record DiscrepancyPage(List<DiscrepancyView> items, String nextCursor) {
    }

    public record DecisionRequest(String decision, String reason) {
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

    public record TypeCount(String type, long count, long open, String amountAtStakeIqd) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scorecard(CrossingView crossing, String from, String to, long declarations, long released,
            long releasedOffHours, String offHoursReleaseShare, String assessedIqd, String collectedIqd,
            String collectionRatio, long discrepancies, String amountAtStakeIqd, List<TypeCount> byType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LedgerReport(boolean intact, long verifiedEntries, String headHash, Long firstBrokenSequence,
            String problem, OffsetDateTime verifiedAt) {
    }
}
