package iq.gov.bcc.tariff.messaging;

import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_AMENDED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_FILED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import iq.gov.bcc.platform.inbox.Inbox;
import iq.gov.bcc.tariff.domain.Declaration;
import iq.gov.bcc.tariff.service.AssessmentService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Assesses every filed or amended declaration version from {@code bcc.declarations.v1}. The inbox row,
 * the quota use, the stored assessment and its outbox event are one transaction, so a redelivered event
 * (same CloudEvent id) changes nothing. Other declaration events are acknowledged and ignored; an event
 * that cannot be read or assessed goes to {@code bcc.deadletter.tariff-service.v1}.
 */
@ApplicationScoped
public class DeclarationConsumer {
    private static final Set<String> ASSESSED = Set.of(DECLARATION_FILED, DECLARATION_AMENDED);
    private static final Logger LOG = Logger.getLogger(DeclarationConsumer.class);

    private final ObjectMapper json;
    private final Inbox inbox;
    private final AssessmentService assessments;

    DeclarationConsumer(ObjectMapper json, Inbox inbox, AssessmentService assessments) {
        this.json = json;
        this.inbox = inbox;
        this.assessments = assessments;
    }

    @Incoming("declarations")
    @Blocking
    @Transactional
    public void consume(String value) throws JsonProcessingException {
        JsonNode event = json.readTree(value);
        String type = event.path("type").asText(null);
        if (!ASSESSED.contains(type)) {
            return;
        }
        UUID eventId = UUID.fromString(event.path("id").asText());
        if (!inbox.firstDelivery(eventId, type)) {
            LOG.debugf("Event %s already consumed", eventId);
            return;
        }
        Declaration declaration = json.treeToValue(event.get("data"), Declaration.class);
        assessments.record(declaration, eventId);
    }
}
