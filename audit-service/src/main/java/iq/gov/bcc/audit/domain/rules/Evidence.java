package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.domain.Receipt;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Receipts as evidence. */
final class Evidence {

    private Evidence() {
    }

    static List<Map<String, Object>> receipts(List<Receipt> receipts) {
        return receipts.stream().map(Evidence::receipt).toList();
    }

    static Map<String, Object> receipt(Receipt r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("receiptId", r.receiptId.toString());
        m.put("receiptNumber", r.receiptNumber);
        m.put("crossingCode", r.crossingCode);
        m.put("declarationId", r.declarationId.toString());
        m.put("amount", Amounts.plain(r.amount));
        m.put("currency", r.currency);
        m.put("amountIqd", Amounts.plain(r.amountIqd));
        m.put("paidAt", r.paidAt.toInstant().toString());
        return m;
    }
}
