package iq.gov.bcc.platform.outbox;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka in id order with an idempotent producer, then deletes
 * them. One relay publishes at a time across all instances of a service (a PostgreSQL advisory
 * lock), so one aggregate's events keep their order. While Kafka is away the rows wait and the
 * relay backs off; nothing else is affected.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Arbitrary, fixed: the advisory lock that makes one relay the publisher. */
    private static final long RELAY_LOCK = 0x0bcc_0017_7e1aL;

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final Counter published;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile Instant lastDelivery;
    private volatile boolean pending;
    private volatile boolean running;
    private boolean topicsReady;
    /** Made and used by the relay's thread; taken and closed by {@link #stop}, under this object's lock. */
    private volatile KafkaProducer<String, byte[]> producer;
    private Thread worker;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.published = Counter.builder("bcc.outbox.published").description("Events relayed to Kafka")
                .register(meters);
    }

    /**
     * Starts the relay's thread, which makes its producer there: the service takes writes without Kafka,
     * so it need not wait for the producer (most of a second of a cold start) before it is ready.
     */
    void start(@Observes StartupEvent startup) {
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled (bcc.outbox.relay-enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        KafkaProducer<String, byte[]> made;
        synchronized (this) {
            made = producer;
            producer = null;
        }
        if (made != null) {
            made.close(Duration.ofSeconds(5));
        }
    }

    /** Called after a transaction that appended events has committed. */
    void wakeUp() {
        pending = true;
        if (lock.tryLock()) {
            try {
                work.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Rows not yet acknowledged by Kafka, and the age of the oldest: the relay's health. */
    public Backlog backlog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT count(*), min(created_at) FROM outbox_event")) {
            rs.next();
            java.sql.Timestamp oldest = rs.getTimestamp(2);
            return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant(), lastDelivery,
                    lastError.get());
        }
    }

    public record Backlog(long pending, Instant oldest, Instant lastDelivery, String lastError) {
    }

    private void run() {
        long backoffMillis = 100;
        while (running) {
            try {
                ensureProducer();
                ensureTopics();
                int sent = drainOnce();
                lastError.set(null);
                backoffMillis = 100;
                if (sent < config.batchSize()) {
                    idle();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                if (lastError.getAndSet(e.getMessage()) == null) {
                    LOG.warnf("Outbox relay cannot publish (%s); events wait in the outbox", e.getMessage());
                }
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, config.maxBackoff().toMillis());
            }
        }
    }

    private void idle() throws InterruptedException {
        lock.lock();
        try {
            if (!pending) {
                work.await(config.idlePoll().toMillis(), TimeUnit.MILLISECONDS);
            }
            pending = false;
        } finally {
            lock.unlock();
        }
    }

    /** Publishes one batch; returns how many rows it took from the outbox. */
    int drainOnce() throws SQLException, InterruptedException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int delivered = drain(connection);
                connection.commit();
                return delivered;
            } catch (SQLException | RuntimeException | InterruptedException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private int drain(Connection connection) throws SQLException, InterruptedException {
        try (PreparedStatement claim = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            claim.setLong(1, RELAY_LOCK);
            try (ResultSet rs = claim.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, message_key, payload FROM outbox_event ORDER BY id LIMIT ?")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    // The payload as PostgreSQL sent it (UTF-8, the driver's client encoding): relayed without
                    // being decoded into a String and encoded again.
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(rs.getString(2), null,
                            rs.getString(3), rs.getBytes(4));
                    record.headers().add(new RecordHeader("content-type",
                            iq.gov.bcc.platform.event.CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
                    ids.add(rs.getLong(1));
                    keys.add(rs.getString(3));
                    sends.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        // A row whose send failed stays, and so does every later row of the same key: order per key holds.
        List<Long> delivered = new ArrayList<>(ids.size());
        Set<String> blockedKeys = new HashSet<>();
        Exception failure = null;
        for (int i = 0; i < ids.size(); i++) {
            if (blockedKeys.contains(keys.get(i))) {
                continue;
            }
            try {
                sends.get(i).get();
                delivered.add(ids.get(i));
            } catch (ExecutionException e) {
                blockedKeys.add(keys.get(i));
                failure = failure == null ? e : failure;
            }
        }
        if (!delivered.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY(?)")) {
                Array array = connection.createArrayOf("bigint", delivered.toArray());
                delete.setArray(1, array);
                delete.executeUpdate();
            }
            published.increment(delivered.size());
            lastDelivery = Instant.now();
        }
        if (failure != null) {
            connection.commit();
            throw new IllegalStateException("Kafka did not acknowledge " + (ids.size() - delivered.size())
                    + " events: " + failure.getCause().getMessage(), failure);
        }
        return ids.size();
    }

    private void ensureProducer() throws InterruptedException {
        if (producer != null) {
            return;
        }
        KafkaProducer<String, byte[]> made;
        try {
            made = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.LINGER_MS_CONFIG, 5,
                    ProducerConfig.BATCH_SIZE_CONFIG, 131072,
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                    ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                    ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000,
                    ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + config.source().getPath().replace('/', '-')),
                    new StringSerializer(), new ByteArraySerializer());
        } catch (KafkaException e) {
            // "Failed to construct kafka producer" alone would not tell an operator what to mend.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot make a producer for " + bootstrapServers + ": " + cause.getMessage(), e);
        }
        // stop() may have run while the producer was being made, and would not have seen it.
        synchronized (this) {
            if (running) {
                producer = made;
                return;
            }
        }
        made.close(Duration.ZERO);
        throw new InterruptedException("the relay stopped while its producer was being made");
    }

    private void ensureTopics() throws InterruptedException {
        if (topicsReady) {
            return;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000))) {
            List<NewTopic> topics = config.topics().stream()
                    .map(t -> new NewTopic(t, config.topicPartitions(), config.topicReplicationFactor())
                            .configs(Map.of("retention.ms", "-1")))
                    .toList();
            for (var result : admin.createTopics(topics).values().values()) {
                try {
                    result.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e);
                    }
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new IllegalStateException("Kafka did not answer the topic creation in time", e);
                }
            }
        }
        topicsReady = true;
    }
}
