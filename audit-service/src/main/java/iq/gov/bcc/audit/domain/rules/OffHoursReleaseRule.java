package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OFF_HOURS_RELEASE: released inside the off-hours window ({@code off-hours-start} to
 * {@code off-hours-end}, Baghdad time by default 18:00–06:00, when crossings are known to be run by
 * armed groups) with no inspection recorded at or before the release. At stake: the duty assessed.
 * Cured when an inspection made before the release is uploaded late.
 */
@ApplicationScoped
public class OffHoursReleaseRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.OFF_HOURS_RELEASE;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        if (story.releasedAt().isEmpty() || !story.inspectionsBeforeRelease().isEmpty()) {
            return List.of();
        }
        OffsetDateTime releasedAt = story.releasedAt().get();
        if (!Releases.offHours(releasedAt, context.config())) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("releasedAt", releasedAt.toInstant().toString());
        evidence.put("releasedAtLocal", releasedAt.atZoneSameInstant(context.config().zone()).toLocalDateTime().toString());
        evidence.put("zone", context.config().zone().getId());
        evidence.put("window", context.config().offHoursStart() + "-" + context.config().offHoursEnd());
        evidence.put("lane", story.lane().orElse(null));
        evidence.put("inspections", 0);
        evidence.put("dutyAssessedIqd", story.dutyAssessed().map(Amounts::plain).orElse(null));
        return List.of(Finding.of(type(), story.declarationId(), story.dutyAtRisk().orElse(null), evidence));
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "an inspection recorded before the release has since been received";
    }
}
