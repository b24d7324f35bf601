package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RED_LANE_NOT_INSPECTED: a declaration selected for the RED lane (physical inspection) was released
 * with no physical inspection (channel RED) recorded at or before the release. A documentary check
 * (YELLOW) or a GREEN entry in its place is how the lane is skipped on paper, so it does not count; the
 * evidence lists it. At stake: the duty assessed. Cured when the physical inspection is uploaded late.
 */
@ApplicationScoped
public class RedLaneNotInspectedRule implements DiscrepancyRule {

    private static final String PHYSICAL = "RED";

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.RED_LANE_NOT_INSPECTED;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        if (story.releasedAt().isEmpty() || !"RED".equals(story.lane().orElse(""))) {
            return List.of();
        }
        List<String> channels = story.inspectionsBeforeRelease().stream().map(i -> DeclarationStory.text(i, "channel")).toList();
        if (channels.contains(PHYSICAL)) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lane", "RED");
        evidence.put("laneRule", story.latest().map(v -> DeclarationStory.text(v, "laneRule")).orElse(null));
        evidence.put("releasedAt", story.releasedAt().get().toInstant().toString());
        evidence.put("inspections", 0);
        evidence.put("otherChecksBeforeRelease", channels);
        evidence.put("dutyAssessedIqd", story.dutyAssessed().map(Amounts::plain).orElse(null));
        return List.of(Finding.of(type(), story.declarationId(), story.dutyAtRisk().orElse(null), evidence));
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "a physical inspection (channel RED) recorded before the release has since been received";
    }
}
