package iq.gov.bcc.audit.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.audit.config.AuditConfig;
import iq.gov.bcc.audit.domain.Discrepancy;
import iq.gov.bcc.audit.domain.DiscrepancyDecision;
import iq.gov.bcc.audit.rest.Views.DecisionView;
import iq.gov.bcc.audit.rest.Views.DiscrepancyView;
import iq.gov.bcc.audit.rest.Views.FourEyesView;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Entity to API mapping of cases. */
@ApplicationScoped
public class DiscrepancyMapping {

    private final ObjectMapper json;
    private final AuditConfig config;

    DiscrepancyMapping(ObjectMapper json, AuditConfig config) {
        this.json = json;
        this.config = config;
    }

    public DiscrepancyView view(Discrepancy d, List<DiscrepancyDecision> decisions) {
        boolean required = d.amountAtStakeIqd.compareTo(config.fourEyesAmountIqd()) > 0;
        FourEyesView fourEyes = new FourEyesView(required, config.fourEyesAmountIqd().toPlainString(),
                d.pendingDismissalBy != null && !d.status.isFinal(), d.pendingDismissalBy, d.pendingDismissalAt,
                d.pendingDismissalReason, d.pendingDismissalBy != null && !d.status.isFinal()
                        ? "a DISMISS by a senior-auditor other than " + d.pendingDismissalBy
                        : null);
        return new DiscrepancyView(d.id, d.type.name(), d.declarationId, d.crossingCode, evidence(d.evidence),
                d.amountAtStakeIqd.toPlainString(), d.detectedAt, d.status.name(), d.closedReason, d.closedAt, fourEyes,
                decisions == null ? null : decisions.stream().map(DiscrepancyMapping::decision).toList());
    }

    static DecisionView decision(DiscrepancyDecision d) {
        return new DecisionView(d.id, d.decision.name(), d.reason, d.decidedBy, d.decidedAt, d.effect.name());
    }

    JsonNode evidence(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
