package iq.gov.bcc.audit.domain.rules;

import com.fasterxml.jackson.databind.JsonNode;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * POST_FILING_RECLASSIFICATION: compared with the version filed first, the latest version moves an
 * item to an HS code whose assessed duty is lower, lowers an item's net or gross weight or its
 * customs value (same currency), or leaves out an item that was filed (its weight and value lowered to
 * nothing). At stake: the duty of the filed version minus the duty of the latest, when both are
 * assessed. Cured by a further amendment that restores what was filed.
 */
@ApplicationScoped
public class PostFilingReclassificationRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.POST_FILING_RECLASSIFICATION;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        if (story.versions().size() < 2) {
            return List.of();
        }
        JsonNode original = story.original().get();
        JsonNode latest = story.latest().get();
        Optional<JsonNode> originalAssessment = story.assessmentOf(original.path("version").asInt());
        Optional<JsonNode> latestAssessment = story.assessmentOf(latest.path("version").asInt());
        Map<Integer, JsonNode> originalLines = lines(original.path("items"));
        Map<Integer, JsonNode> originalDuty = originalAssessment.map(a -> lines(a.path("items"))).orElse(Map.of());
        Map<Integer, JsonNode> latestDuty = latestAssessment.map(a -> lines(a.path("items"))).orElse(Map.of());
        Map<Integer, JsonNode> latestLines = lines(latest.path("items"));
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Map.Entry<Integer, JsonNode> entry : latestLines.entrySet()) {
            JsonNode before = originalLines.get(entry.getKey());
            JsonNode after = entry.getValue();
            if (before == null) {
                continue;
            }
            String hsBefore = DeclarationStory.text(before, "hsCode");
            String hsAfter = DeclarationStory.text(after, "hsCode");
            if (!hsBefore.equals(hsAfter) && originalDuty.containsKey(entry.getKey())
                    && latestDuty.containsKey(entry.getKey())) {
                BigDecimal dutyBefore = DeclarationStory.decimal(originalDuty.get(entry.getKey()).path("dutyIqd"));
                BigDecimal dutyAfter = DeclarationStory.decimal(latestDuty.get(entry.getKey()).path("dutyIqd"));
                if (dutyAfter.compareTo(dutyBefore) < 0) {
                    changes.add(change(entry.getKey(), "hsCode", hsBefore, hsAfter));
                }
            }
            lowered(changes, entry.getKey(), "netWeightKg", before.path("netWeightKg"), after.path("netWeightKg"));
            lowered(changes, entry.getKey(), "grossWeightKg", before.path("grossWeightKg"), after.path("grossWeightKg"));
            JsonNode valueBefore = before.path("customsValue");
            JsonNode valueAfter = after.path("customsValue");
            String currencyBefore = DeclarationStory.text(valueBefore, "currency");
            String currencyAfter = DeclarationStory.text(valueAfter, "currency");
            if (currencyBefore.equals(currencyAfter)) {
                lowered(changes, entry.getKey(), "customsValue", valueBefore.path("amount"), valueAfter.path("amount"));
            } else if (originalDuty.containsKey(entry.getKey()) && latestDuty.containsKey(entry.getKey())) {
                // The same figure in another currency (13,200 USD restated as 13,200 IQD) lowers the value as
                // surely as a smaller figure: the assessments say by how much, in IQD.
                BigDecimal iqdBefore = DeclarationStory.decimal(originalDuty.get(entry.getKey()).path("customsValueIqd"));
                BigDecimal iqdAfter = DeclarationStory.decimal(latestDuty.get(entry.getKey()).path("customsValueIqd"));
                if (iqdAfter.compareTo(iqdBefore) < 0) {
                    changes.add(change(entry.getKey(), "customsValue",
                            DeclarationStory.text(valueBefore, "amount") + " " + currencyBefore + " (" + Amounts.plain(iqdBefore) + " IQD)",
                            DeclarationStory.text(valueAfter, "amount") + " " + currencyAfter + " (" + Amounts.plain(iqdAfter) + " IQD)"));
                }
            }
        }
        // Lines are numbered by position, so an item left out shows as a filed line with no counterpart.
        for (Map.Entry<Integer, JsonNode> entry : new TreeMap<>(originalLines).entrySet()) {
            if (!latestLines.containsKey(entry.getKey())) {
                JsonNode item = entry.getValue();
                changes.add(change(entry.getKey(), "item", DeclarationStory.text(item, "hsCode") + ", "
                        + DeclarationStory.decimal(item.path("netWeightKg")).stripTrailingZeros().toPlainString() + " kg net", "removed"));
            }
        }
        if (changes.isEmpty()) {
            return List.of();
        }
        BigDecimal atStake = BigDecimal.ZERO;
        if (originalAssessment.isPresent() && latestAssessment.isPresent()) {
            atStake = DeclarationStory.decimal(originalAssessment.get().path("totalDutyIqd"))
                    .subtract(DeclarationStory.decimal(latestAssessment.get().path("totalDutyIqd")));
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("filedVersion", original.path("version").asInt());
        evidence.put("latestVersion", latest.path("version").asInt());
        evidence.put("amendmentReason", DeclarationStory.text(latest, "reason"));
        evidence.put("changes", changes);
        evidence.put("dutyFiledIqd", originalAssessment.map(a -> Amounts.plain(DeclarationStory.decimal(a.path("totalDutyIqd")))).orElse(null));
        evidence.put("dutyLatestIqd", latestAssessment.map(a -> Amounts.plain(DeclarationStory.decimal(a.path("totalDutyIqd")))).orElse(null));
        return List.of(Finding.of(type(), story.declarationId(), atStake, evidence));
    }

    private static void lowered(List<Map<String, Object>> changes, int line, String field, JsonNode before, JsonNode after) {
        if (before.isMissingNode() || after.isMissingNode() || before.isNull() || after.isNull()) {
            return;
        }
        BigDecimal b = DeclarationStory.decimal(before);
        BigDecimal a = DeclarationStory.decimal(after);
        if (a.compareTo(b) < 0) {
            changes.add(change(line, field, b.toPlainString(), a.toPlainString()));
        }
    }

    private static Map<String, Object> change(int line, String field, String before, String after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("line", line);
        change.put("field", field);
        change.put("filed", before);
        change.put("amended", after);
        return change;
    }

    private static Map<Integer, JsonNode> lines(JsonNode items) {
        Map<Integer, JsonNode> byLine = new HashMap<>();
        int index = 1;
        for (JsonNode item : items) {
            byLine.put(item.path("line").asInt(index), item);
            index++;
        }
        return byLine;
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "version " + story.latest().map(v -> v.path("version").asInt()).orElse(0)
                + " no longer lowers the classification, weight or value filed, nor leaves out an item";
    }
}
