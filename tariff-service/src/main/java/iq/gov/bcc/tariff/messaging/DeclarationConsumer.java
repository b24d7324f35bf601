package iq.gov.bcc.tariff.messaging;

import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_AMENDED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_FILED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import iq.gov.bcc.platform.inbox.Inbox;
import iq.gov.bcc.platform.messaging.PollBatch;
import iq.gov.bcc.tariff.domain.Declaration;
import iq.gov.bcc.tariff.service.AssessmentService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Assesses every filed or amended declaration version from {@code bcc.declarations.v1}. The inbox row,
 * the quota use, the stored assessment and its outbox event are one transaction, so a redelivered event
 * (same CloudEvent id) changes nothing. Records arrive in batches (one poll) taken by {@link PollBatch}: one
 * transaction per poll, in partition order, and only an event that cannot be read or assessed goes to
 * {@code bcc.deadletter.tariff-service.v1}, with the reason. Other declaration events are acknowledged and ignored.
 */
@ApplicationScoped
public class DeclarationConsumer {

    private static final Set<String> ASSESSED = Set.of(DECLARATION_FILED, DECLARATION_AMENDED);
    private static final Logger LOG = Logger.getLogger(DeclarationConsumer.class);

    private final ObjectMapper json;
    private final Inbox inbox;
    private final AssessmentService assessments;
    private final MutinyEmitter<String> deadLetters;

    DeclarationConsumer(ObjectMapper json, Inbox inbox, AssessmentService assessments,
            @Channel("dead-letters") MutinyEmitter<String> deadLetters) {
        this.json = json;
        this.inbox = inbox;
        this.assessments = assessments;
        this.deadLetters = deadLetters;
    }

    @Incoming("declarations")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        PollBatch.take("assessing declarations", records, batch -> batch.forEach(r -> assess(r.value())), this::deadLetter);
    }

    private void assess(String value) {
        try {
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
            assessments.record(json.treeToValue(event.get("data"), Declaration.class), eventId);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a readable declaration event: " + e.getOriginalMessage(), e);
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Headers headers) {
        deadLetters.sendMessageAndAwait(Message.of(record.value()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build()));
    }
}
