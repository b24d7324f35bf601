package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RED_LANE_NOT_INSPECTED: a declaration selected for the RED lane (physical inspection) was released
 * with no inspection recorded at or before the release. At stake: the duty assessed. Cured when the
 * inspection is uploaded late.
 */
@ApplicationScoped
public class RedLaneNotInspectedRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.RED_LANE_NOT_INSPECTED;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        if (story.releasedAt().isEmpty() || !"RED".equals(story.lane().orElse(""))
                || !story.inspectionsBeforeRelease().isEmpty()) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("lane", "RED");
        evidence.put("laneRule", story.latest().map(v -> DeclarationStory.text(v, "laneRule")).orElse(null));
        evidence.put("releasedAt", story.releasedAt().get().toInstant().toString());
        evidence.put("inspections", 0);
        evidence.put("dutyAssessedIqd", story.dutyDue().map(Amounts::plain).orElse(null));
        return List.of(Finding.of(type(), story.declarationId(), story.dutyDue().orElse(null), evidence));
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "an inspection recorded before the release has since been received";
    }
}
