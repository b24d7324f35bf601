package iq.gov.bcc.audit.domain.rules;

import static iq.gov.bcc.audit.domain.rules.Amounts.plain;

import com.fasterxml.jackson.databind.JsonNode;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WEIGHT_MISMATCH: the latest weighbridge gross weight differs from the gross weight declared in the
 * latest version by more than {@code weight-tolerance-percent}. At stake: when the truck is heavier
 * than declared, the duty assessed scaled by the undeclared share of the weight. Cured by an
 * amendment declaring the weighed weight, or by a new weighing that agrees.
 */
@ApplicationScoped
public class WeightMismatchRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.WEIGHT_MISMATCH;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        if (story.weighings().isEmpty() || story.latest().isEmpty()) {
            return List.of();
        }
        JsonNode weighing = story.weighings().get(story.weighings().size() - 1);
        BigDecimal weighed = DeclarationStory.decimal(weighing.path("grossWeightKg"));
        BigDecimal declared = DeclarationStory.declaredGrossKg(story.latest().get());
        if (declared.signum() <= 0) {
            return List.of();
        }
        BigDecimal differencePercent = weighed.subtract(declared).multiply(Amounts.HUNDRED)
                .divide(declared, 3, RoundingMode.HALF_UP);
        if (differencePercent.abs().compareTo(context.config().weightTolerancePercent()) <= 0) {
            return List.of();
        }
        BigDecimal excess = weighed.subtract(declared).max(BigDecimal.ZERO);
        BigDecimal atStake = story.dutyAtRisk().map(d -> d.multiply(Amounts.ratio(excess, declared)))
                .orElse(BigDecimal.ZERO);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("declaredGrossWeightKg", declared.toPlainString());
        evidence.put("weighedGrossWeightKg", weighed.toPlainString());
        evidence.put("differencePercent", differencePercent.toPlainString());
        evidence.put("tolerancePercent", context.config().weightTolerancePercent().toPlainString());
        evidence.put("weighingId", DeclarationStory.text(weighing, "weighingId"));
        evidence.put("scaleId", DeclarationStory.text(weighing, "scaleId"));
        evidence.put("weighedAt", DeclarationStory.text(weighing, "weighedAt"));
        evidence.put("declarationVersion", story.latest().get().path("version").asInt());
        evidence.put("dutyAssessedIqd", story.dutyAssessed().map(Amounts::plain).orElse(null));
        return List.of(Finding.of(type(), story.declarationId(), atStake, evidence));
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "declared gross weight " + story.latest().map(DeclarationStory::declaredGrossKg).map(BigDecimal::toPlainString)
                .orElse("?") + " kg now agrees with the weighbridge within tolerance";
    }
}
