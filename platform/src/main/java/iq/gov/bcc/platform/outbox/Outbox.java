package iq.gov.bcc.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.platform.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Records an event in the caller's transaction; the {@link OutboxRelay} publishes it after commit. */
@ApplicationScoped
public class Outbox {

    private static final Object WAKE_UP_REGISTERED = new Object();

    private final ObjectMapper json;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    Outbox(ObjectMapper json, OutboxConfig config, OutboxRelay relay, TransactionSynchronizationRegistry transactions) {
        this.json = json;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
    }

    /**
     * Appends one event. Must run inside the transaction that records the fact: if that transaction
     * rolls back, the event never existed.
     *
     * @param topic        Kafka topic
     * @param key          Kafka key: the aggregate whose events must stay in order
     * @param type         CloudEvents type
     * @param crossingCode crossing where it happened
     * @param occurredAt   when it happened at the crossing
     * @param data         the event's data, serialised as JSON
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent<Object> append(String topic, String key, String type, String crossingCode,
            OffsetDateTime occurredAt, Object data) {
        UUID id = UUID.randomUUID();
        OffsetDateTime recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        CloudEvent<Object> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, id, config.source(), type, key,
                occurredAt, "application/json", URI.create(config.schemaBase() + type + ".json"), crossingCode,
                recordedAt, data);
        OutboxEvent row = new OutboxEvent();
        row.eventId = id;
        row.topic = topic;
        row.messageKey = key;
        row.eventType = type;
        row.createdAt = recordedAt;
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
        row.persist();
        // One wake-up per transaction, however many events it appends.
        if (transactions.getResource(WAKE_UP_REGISTERED) == null) {
            transactions.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wakeUp();
                    }
                }
            });
        }
        return event;
    }
}
