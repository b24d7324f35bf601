package iq.gov.bcc.audit.domain;

import static iq.gov.bcc.platform.event.EventCatalog.ASSESSMENT_COMPLETED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_AMENDED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_FILED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_INSPECTED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_RELEASED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_TRANSIT_EXITED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_WEIGHED;
import static iq.gov.bcc.platform.event.EventCatalog.PAYMENT_RECORDED;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Everything known about one declaration, whatever order the facts arrived in: its versions, the
 * assessment of each version, receipts, weighings, inspections, release and transit exit. The rules
 * read it; nothing writes it.
 */
public final class DeclarationStory {

    private final UUID declarationId;
    private final TreeMap<Integer, JsonNode> versions = new TreeMap<>();
    private final Map<Integer, JsonNode> assessments = new TreeMap<>();
    private final List<JsonNode> weighings = new ArrayList<>();
    private final List<JsonNode> inspections = new ArrayList<>();
    private final List<Receipt> receipts;
    private JsonNode release;
    private OffsetDateTime releaseRecordedAt;
    private JsonNode transitExit;
    private String receiptCrossing;

    public DeclarationStory(UUID declarationId, List<Fact> facts, List<Receipt> receipts) {
        this.declarationId = declarationId;
        this.receipts = List.copyOf(receipts);
        for (Fact fact : facts) {
            JsonNode data = fact.data();
            switch (fact.type()) {
                case DECLARATION_FILED, DECLARATION_AMENDED -> versions.put(data.path("version").asInt(1), data);
                case ASSESSMENT_COMPLETED -> {
                    int version = data.path("declarationVersion").asInt(1);
                    JsonNode known = assessments.get(version);
                    if (known == null || text(known, "assessedAt").compareTo(text(data, "assessedAt")) <= 0) {
                        assessments.put(version, data);
                    }
                }
                case DECLARATION_WEIGHED -> weighings.add(data);
                case DECLARATION_INSPECTED -> inspections.add(data);
                case DECLARATION_RELEASED -> {
                    if (release == null || text(release, "releasedAt").compareTo(text(data, "releasedAt")) < 0) {
                        release = data;
                        releaseRecordedAt = fact.recordedAt();
                    }
                }
                case DECLARATION_TRANSIT_EXITED -> transitExit = data;
                case PAYMENT_RECORDED -> receiptCrossing = text(data, "crossingCode");
                default -> {
                }
            }
        }
        weighings.sort(Comparator.comparing(w -> text(w, "weighedAt")));
        inspections.sort(Comparator.comparing(i -> text(i, "inspectedAt")));
    }

    /** One consumed fact: its CloudEvents type and data, and when its producer recorded it (may be unknown). */
    public record Fact(String type, JsonNode data, OffsetDateTime recordedAt) {

        public Fact(String type, JsonNode data) {
            this(type, data, null);
        }
    }

    public UUID declarationId() {
        return declarationId;
    }

    public boolean filed() {
        return !versions.isEmpty();
    }

    public Optional<JsonNode> original() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.firstEntry().getValue());
    }

    public Optional<JsonNode> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    public Map<Integer, JsonNode> versions() {
        return versions;
    }

    public Optional<JsonNode> assessmentOf(int version) {
        return Optional.ofNullable(assessments.get(version));
    }

    /**
     * The assessment of the latest version: the duty due. While an amendment waits for its
     * assessment, the assessment of the most recent assessed version stands, so cases do not close
     * and reopen in between.
     */
    public Optional<JsonNode> latestAssessment() {
        for (Integer version : versions.descendingKeySet()) {
            JsonNode assessment = assessments.get(version);
            if (assessment != null) {
                return Optional.of(assessment);
            }
        }
        return Optional.empty();
    }

    /**
     * The duty to be collected at the crossing, once assessed: the latest assessment's total for an
     * import. Transit goods pass under bond and exports carry no import duty, so nothing is collected
     * for them; what a diverted transit would have owed is {@link #dutyAssessed()}.
     */
    public Optional<BigDecimal> dutyDue() {
        boolean collectible = latest().map(v -> "IMPORT".equals(text(v, "direction"))).orElse(true);
        return dutyAssessed().map(duty -> collectible ? duty : BigDecimal.ZERO);
    }

    /**
     * The duty the goods carry into Iraq, once assessed: an import's, and a transit's, suspended under bond
     * but owed the moment the goods stay. Exports carry none. It is what an entry released unchecked, or
     * heavier than declared, puts at risk.
     */
    public Optional<BigDecimal> dutyAtRisk() {
        boolean export = latest().map(v -> "EXPORT".equals(text(v, "direction"))).orElse(false);
        return dutyAssessed().map(duty -> export ? BigDecimal.ZERO : duty);
    }

    /** totalDutyIqd of the latest version's assessment, if assessed, whatever the direction. */
    public Optional<BigDecimal> dutyAssessed() {
        return latestAssessment().map(a -> decimal(a.path("totalDutyIqd")));
    }

    public List<JsonNode> weighings() {
        return weighings;
    }

    public List<JsonNode> inspections() {
        return inspections;
    }

    public List<Receipt> receipts() {
        return receipts;
    }

    public Optional<JsonNode> release() {
        return Optional.ofNullable(release);
    }

    /**
     * When the declaration service recorded the release: later than {@link #releasedAt()} when an
     * offline crossing uploads it afterwards.
     */
    public Optional<OffsetDateTime> releaseRecordedAt() {
        return Optional.ofNullable(releaseRecordedAt);
    }

    public Optional<OffsetDateTime> releasedAt() {
        return release().map(r -> OffsetDateTime.parse(text(r, "releasedAt")));
    }

    public Optional<JsonNode> transitExit() {
        return Optional.ofNullable(transitExit);
    }

    /** Crossing of the declaration, or of its receipts when it was never filed. */
    public String crossingCode() {
        return latest().map(v -> text(v, "crossingCode")).orElse(receiptCrossing);
    }

    /** Receipts in IQD; receipts with no known rate count zero (see {@link #unconvertedReceipts()}). */
    public BigDecimal paidIqd() {
        return receipts.stream().map(r -> r.amountIqd == null ? BigDecimal.ZERO : r.amountIqd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<Receipt> unconvertedReceipts() {
        return receipts.stream().filter(r -> r.amountIqd == null).toList();
    }

    /** Inspections recorded at or before the release. */
    public List<JsonNode> inspectionsBeforeRelease() {
        Optional<OffsetDateTime> releasedAt = releasedAt();
        return inspections.stream().filter(i -> releasedAt.isEmpty()
                || !OffsetDateTime.parse(text(i, "inspectedAt")).isAfter(releasedAt.get())).toList();
    }

    /** Lane at release, or of the latest version. */
    public Optional<String> lane() {
        Optional<String> atRelease = release().map(r -> text(r, "lane")).filter(l -> !l.isEmpty());
        return atRelease.isPresent() ? atRelease : latest().map(v -> text(v, "lane")).filter(l -> !l.isEmpty());
    }

    public static BigDecimal declaredGrossKg(JsonNode version) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : version.path("items")) {
            total = total.add(decimal(item.path("grossWeightKg")));
        }
        return total;
    }

    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    public static BigDecimal decimal(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode() || value.asText().isBlank()) {
            return BigDecimal.ZERO;
        }
        return value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
    }
}
