package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import iq.gov.bcc.audit.domain.Receipt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * ORPHAN_PAYMENT: a receipt names a declaration that does not exist — the declaration service said
 * so when it recorded the receipt ({@code declarationKnown=false}) and no filing for it has reached
 * the audit service. A receipt that arrives before its declaration but was recorded against a known
 * declaration is merely early, not orphan. One case per receipt; cured when the declaration is filed
 * (an offline crossing's batch arriving late).
 */
@ApplicationScoped
public class OrphanPaymentRule implements DiscrepancyRule {

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.ORPHAN_PAYMENT;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        if (story.filed()) {
            return List.of();
        }
        return story.receipts().stream().filter(r -> !r.declarationKnown).map(r -> finding(story, r)).toList();
    }

    private Finding finding(DeclarationStory story, Receipt receipt) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("receipt", Evidence.receipt(receipt));
        evidence.put("declarationKnown", false);
        return new Finding(type(), receipt.receiptId.toString(), receipt.amountIqd, evidence, null);
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "declaration " + story.declarationId() + " has since been filed";
    }
}
