package iq.gov.bcc.audit.domain.rules;

import static iq.gov.bcc.audit.domain.rules.Amounts.plain;

import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * UNDERPAYMENT: receipts exist but total less than the duty assessed for the latest version, by
 * more than the tolerance (the larger of {@code underpayment-tolerance-iqd} and
 * {@code underpayment-tolerance-percent} of the duty). A declaration with no receipt at all is not
 * underpaid yet; once released it is UNPAID_RELEASE's business. Cured by further receipts or by an
 * assessment that lowers the duty.
 */
@ApplicationScoped
public class UnderpaymentRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.UNDERPAYMENT;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        if (story.receipts().isEmpty() || story.dutyDue().isEmpty()) {
            return List.of();
        }
        BigDecimal duty = story.dutyDue().get();
        BigDecimal paid = story.paidIqd();
        BigDecimal shortfall = duty.subtract(paid);
        if (shortfall.compareTo(Amounts.tolerance(context.config(), duty)) <= 0) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("dutyAssessedIqd", plain(duty));
        evidence.put("paidIqd", plain(paid));
        evidence.put("shortfallIqd", plain(shortfall));
        evidence.put("assessmentId", story.latestAssessment().map(a -> a.path("assessmentId").asText()).orElse(null));
        evidence.put("receipts", Evidence.receipts(story.receipts()));
        return List.of(Finding.of(type(), story.declarationId(), shortfall, evidence));
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "receipts now cover the assessed duty: paid " + plain(story.paidIqd()) + " of "
                + story.dutyDue().map(Amounts::plain).orElse("?") + " IQD";
    }
}
