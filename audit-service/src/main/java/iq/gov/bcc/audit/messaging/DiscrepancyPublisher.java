package iq.gov.bcc.audit.messaging;

import static iq.gov.bcc.platform.event.EventCatalog.DISCREPANCIES;
import static iq.gov.bcc.platform.event.EventCatalog.DISCREPANCY_CLOSED;
import static iq.gov.bcc.platform.event.EventCatalog.DISCREPANCY_DECIDED;
import static iq.gov.bcc.platform.event.EventCatalog.DISCREPANCY_RAISED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.audit.domain.Discrepancy;
import iq.gov.bcc.audit.domain.DiscrepancyDecision;
import iq.gov.bcc.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** Publishes bcc.discrepancies.v1 through the outbox, in the transaction that changed the case. */
@ApplicationScoped
public class DiscrepancyPublisher {

    private final Outbox outbox;
    private final ObjectMapper json;

    DiscrepancyPublisher(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public void raised(Discrepancy discrepancy) {
        outbox.append(DISCREPANCIES, discrepancy.declarationId.toString(), DISCREPANCY_RAISED, discrepancy.crossingCode,
                discrepancy.detectedAt, data(discrepancy));
    }

    public void closed(Discrepancy discrepancy) {
        Map<String, Object> data = data(discrepancy);
        data.put("closedReason", discrepancy.closedReason);
        outbox.append(DISCREPANCIES, discrepancy.declarationId.toString(), DISCREPANCY_CLOSED, discrepancy.crossingCode,
                discrepancy.closedAt, data);
    }

    public void decided(Discrepancy discrepancy, DiscrepancyDecision decision) {
        Map<String, Object> data = data(discrepancy);
        data.put("decision", decision.decision.name());
        data.put("reason", decision.reason);
        data.put("decidedBy", decision.decidedBy);
        data.put("effect", decision.effect.name());
        outbox.append(DISCREPANCIES, discrepancy.declarationId.toString(), DISCREPANCY_DECIDED, discrepancy.crossingCode,
                decision.decidedAt, data);
    }

    private Map<String, Object> data(Discrepancy d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("discrepancyId", d.id.toString());
        data.put("type", d.type.name());
        data.put("declarationId", d.declarationId.toString());
        data.put("crossingCode", d.crossingCode);
        data.put("amountAtStakeIqd", d.amountAtStakeIqd.toPlainString());
        data.put("evidence", evidence(d.evidence));
        data.put("status", d.status.name());
        data.put("detectedAt", d.detectedAt);
        return data;
    }

    private JsonNode evidence(String evidence) {
        try {
            return json.readTree(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not JSON", e);
        }
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(java.time.ZoneOffset.UTC);
    }
}
