package iq.gov.bcc.tariff.messaging;

import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_AMENDED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_FILED;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import iq.gov.bcc.platform.inbox.Inbox;
import iq.gov.bcc.platform.messaging.PollBatch;
import iq.gov.bcc.tariff.domain.Declaration;
import iq.gov.bcc.tariff.service.AssessmentService;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
    private final ObjectReader envelopes;
    private final ObjectReader declarations;
    private final Inbox inbox;
    private final AssessmentService assessments;
    private final MutinyEmitter<String> deadLetters;

    DeclarationConsumer(ObjectMapper json, Inbox inbox, AssessmentService assessments,
            @Channel("dead-letters") MutinyEmitter<String> deadLetters) {
        this.json = json;
        this.envelopes = json.readerFor(Envelope.class);
        this.declarations = json.readerFor(Declaration.class);
        this.inbox = inbox;
        this.assessments = assessments;
        this.deadLetters = deadLetters;
    }

    @Incoming("declarations")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        PollBatch.take("assessing declarations", records, this::assessAll, this::deadLetter);
    }

    /** Reads the batch, keeps the filed and amended versions seen for the first time, and records them in order. */
    private void assessAll(List<ConsumerRecord<String, String>> batch) {
        List<AssessmentService.Filing> filings = new ArrayList<>(batch.size());
        List<Inbox.Delivery> deliveries = new ArrayList<>(batch.size());
        for (ConsumerRecord<String, String> record : batch) {
            Envelope event = read(record.value());
            String type = event.typeName();
            if (!ASSESSED.contains(type)) {
                continue;
            }
            UUID eventId = eventId(event);
            deliveries.add(new Inbox.Delivery(eventId, type));
            filings.add(new AssessmentService.Filing(declaration(event), eventId));
        }
        Set<UUID> first = new HashSet<>(inbox.firstDeliveries(deliveries));
        List<AssessmentService.Filing> fresh = new ArrayList<>(filings.size());
        for (AssessmentService.Filing filing : filings) {
            // remove: an event delivered twice within one poll is assessed once
            if (first.remove(filing.sourceEventId())) {
                fresh.add(filing);
            } else {
                LOG.debugf("Event %s already consumed", filing.sourceEventId());
            }
        }
        assessments.recordAll(fresh);
    }

    /**
     * The CloudEvent fields this consumer needs. {@code data} is kept as parsed tokens and read into a
     * {@link Declaration} only for the types it assesses: one pass over the text, no intermediate tree.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(JsonNode id, JsonNode type, TokenBuffer data) {

        String typeName() {
            return type == null || !type.isTextual() ? null : type.textValue();
        }
    }

    Envelope read(String value) {
        if (value == null) {
            throw new IllegalArgumentException("not a readable declaration event: the record has no value");
        }
        try {
            Envelope event = envelopes.readValue(value);
            if (event == null) {
                throw new IllegalArgumentException("not a readable declaration event: the value is JSON null");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a readable declaration event: " + e.getOriginalMessage(), e);
        }
    }

    static UUID eventId(Envelope event) {
        try {
            return UUID.fromString(event.id() == null ? "" : event.id().asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a readable declaration event: id is not a UUID", e);
        }
    }

    Declaration declaration(Envelope event) {
        if (event.data() == null) {
            throw new IllegalArgumentException("not a readable declaration event: it has no data");
        }
        try (JsonParser data = event.data().asParser(json)) {
            return declarations.readValue(data);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable declaration event: "
                    + (e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Headers headers) {
        deadLetters.sendMessageAndAwait(Message.of(record.value()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build()));
    }
}
