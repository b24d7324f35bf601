package iq.gov.bcc.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** {@code bcc.outbox.*}: how this service's events leave it. */
@ConfigMapping(prefix = "bcc.outbox")
public interface OutboxConfig {

    /** The CloudEvents {@code source} of everything this service publishes, e.g. /bcc/declaration-service. */
    URI source();

    /** Base URI of the published JSON Schemas; an event's dataschema is this plus its type. */
    @WithDefault("https://schemas.bcc.gov.iq/events/")
    String schemaBase();

    /** Topics this service publishes to; created at start-up with {@link #topicPartitions()} partitions. */
    List<String> topics();

    /** Off only for tests that inspect the outbox table itself. */
    @WithDefault("true")
    boolean relayEnabled();

    @WithDefault("1000")
    int batchSize();

    /** How long the relay sleeps when idle and nobody committed an event. */
    @WithDefault("200ms")
    Duration idlePoll();

    /** Upper bound of the back-off while Kafka is unreachable. */
    @WithDefault("5s")
    Duration maxBackoff();

    @WithDefault("6")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();
}
