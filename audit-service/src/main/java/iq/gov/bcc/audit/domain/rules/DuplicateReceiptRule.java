package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.DiscrepancyType;
import iq.gov.bcc.audit.domain.Receipt;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DUPLICATE_RECEIPT: one receipt number used by more than one receipt, at any crossing (the
 * declaration service keeps numbers unique per crossing only). The first use (earliest
 * {@code paidAt}, then receipt id) is taken as genuine; every later use is a case of its own, on the
 * declaration it names, with its amount at stake.
 */
@ApplicationScoped
public class DuplicateReceiptRule implements DiscrepancyRule {

    static final Comparator<Receipt> FIRST_USE = Comparator.comparing((Receipt r) -> r.paidAt.toInstant())
            .thenComparing(r -> r.receiptId.toString());

    @Override
    public DiscrepancyType type() {
        return DiscrepancyType.DUPLICATE_RECEIPT;
    }

    @Override
    public List<Finding> evaluate(DeclarationStory story, RuleContext context) {
        List<Finding> findings = new ArrayList<>();
        for (Receipt receipt : story.receipts()) {
            List<Receipt> uses = new ArrayList<>(context.reference().receiptsNumbered(receipt.receiptNumber));
            uses.sort(FIRST_USE);
            if (uses.size() < 2 || uses.get(0).receiptId.equals(receipt.receiptId)) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("receiptNumber", receipt.receiptNumber);
            evidence.put("receipt", Evidence.receipt(receipt));
            evidence.put("firstUse", Evidence.receipt(uses.get(0)));
            evidence.put("uses", uses.size());
            findings.add(new Finding(type(), receipt.receiptId.toString(), receipt.amountIqd, evidence, null));
        }
        return findings;
    }

    @Override
    public String cureReason(DeclarationStory story) {
        return "an earlier-dated use of the same receipt number arrived: this receipt is now the first use";
    }
}
