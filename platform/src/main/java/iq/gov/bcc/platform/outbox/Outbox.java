package iq.gov.bcc.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import iq.gov.bcc.platform.event.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records events in the caller's transaction; the {@link OutboxRelay} publishes them after commit.
 *
 * <p>The rows of one transaction are written together, in one JDBC batch, just before it commits (or
 * earlier, at {@link #flush()}): a consumer that records a whole poll's facts in one transaction pays one
 * round trip for their events, not one each. They are still written while the transaction holds its
 * aggregates' locks, so the database numbers one aggregate's events in commit order, which is the order
 * the relay publishes them in.
 */
@ApplicationScoped
public class Outbox {

    private static final Object PENDING = new Object();
    private static final String INSERT = "INSERT INTO outbox_event (event_id, topic, message_key, event_type, payload, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?)";

    private final ObjectMapper json;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;
    private final AgroalDataSource dataSource;

    Outbox(ObjectMapper json, OutboxConfig config, OutboxRelay relay, TransactionSynchronizationRegistry transactions,
            AgroalDataSource dataSource) {
        this.json = json;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
        this.dataSource = dataSource;
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
        String payload;
        try {
            payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + type + " cannot be serialised", e);
        }
        pending().rows.add(new Row(id, topic, key, type, payload, recordedAt));
        return event;
    }

    /** Writes the events appended so far in this transaction now rather than just before it commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void flush() {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending != null) {
            pending.write();
        }
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(PENDING, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending;
    }

    private record Row(UUID eventId, String topic, String key, String type, String payload, OffsetDateTime createdAt) {
    }

    /** One transaction's events not yet written, and the relay's wake-up once it has committed. */
    private final class Pending implements Synchronization {

        private final List<Row> rows = new ArrayList<>();
        private int written;

        /**
         * Through a connection of its own from the pool, closed at once: inside the transaction the pool hands
         * out the connection the transaction is enlisted on, so the rows commit or roll back with the facts.
         * (Through Hibernate's session, just before commit, the connection was re-acquired after Hibernate had
         * released it and stayed open into the commit: the pool closed it with a warning, once per transaction.)
         */
        void write() {
            if (rows.isEmpty()) {
                return;
            }
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Row row : rows) {
                    insert.setObject(1, row.eventId());
                    insert.setString(2, row.topic());
                    insert.setString(3, row.key());
                    insert.setString(4, row.type());
                    insert.setString(5, row.payload());
                    insert.setObject(6, row.createdAt());
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("outbox events cannot be written: " + e.getMessage(), e);
            }
            written += rows.size();
            rows.clear();
        }

        @Override
        public void beforeCompletion() {
            write();
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED && written > 0) {
                relay.wakeUp();
            }
        }
    }
}
