package iq.gov.bcc.tariff;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.TestInfrastructure;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Event-path throughput: how many filed declarations per second the consumer turns into recorded
 * (and outboxed) assessments. Writes {@code -Dbcc.bench.events=} (default 20,000) two-item
 * iq.bcc.declaration.filed.v1 CloudEvents to bcc.declarations.v1 as fast as the broker takes them,
 * then times until every one is assessed, and until every assessment event has left the outbox. A warm-up of {@code -Dbcc.bench.warmup=} events (default 0) goes
 * through first, untimed, so that the timed run measures compiled code. On demand only:
 *
 * <pre>./mvnw -B -o -pl tariff-service verify -Dgroups=benchmark -DexcludedGroups=none -Dtest=EventPathBenchmarkTest</pre>
 *
 * Results: target/benchmark/event-path.txt.
 */
@QuarkusTest
@Tag("benchmark")
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "bcc_tariff_events_bench"),
        @ResourceArg(name = "servers", value = "postgres,kafka")})
class EventPathBenchmarkTest {

    @Inject
    DataSource dataSource;

    @Test
    void filedDeclarationsBecomeAssessments() throws Exception {
        int warmUp = Integer.getInteger("bcc.bench.warmup", 0);
        if (warmUp > 0) {
            long before = assessments();
            produce(warmUp);
            awaitAssessed(before + warmUp);
        }
        int events = Integer.getInteger("bcc.bench.events", 20_000);
        long before = assessments();
        long start = System.nanoTime();
        produce(events);
        double produceSeconds = (System.nanoTime() - start) / 1e9;
        awaitAssessed(before + events);
        double seconds = (System.nanoTime() - start) / 1e9;
        long done = assessments() - before;
        awaitOutboxDrained();
        double publishedSeconds = (System.nanoTime() - start) / 1e9;
        String report = String.format("event path: %d filed events (after %d untimed) produced in %.1f s; %d assessed "
                + "in %.1f s = %.0f declarations/s; every assessment event published (outbox empty) at %.1f s = %.0f/s "
                + "(%d cores, load average %.1f at the end)%n", events, warmUp, produceSeconds, done, seconds,
                done / seconds, publishedSeconds, done / publishedSeconds, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print(report);
        Files.createDirectories(Path.of("target/benchmark"));
        Files.writeString(Path.of("target/benchmark/event-path.txt"), report);
        assertThat(done).isEqualTo(events);
    }

    private void produce(int events) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 262144);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < events; i++) {
                String id = UUID.randomUUID().toString();
                String data = Api.declaration(id, 1, "2026-11-21T06:30:00Z", i % 3 == 0 ? "TR" : "IR", "IQ-100200300",
                        Api.item(1, "721420", "13200.00", "USD", "24000", "24000", null),
                        Api.item(2, "252329", "420.00", "USD", "6000", "6000", null));
                ProducerRecord<String, String> record = new ProducerRecord<>("bcc.declarations.v1", id,
                        DeclarationEventsTest.cloudEvent(UUID.randomUUID().toString(), "iq.bcc.declaration.filed.v1",
                                id, data));
                record.headers().add("content-type",
                        "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
        }
    }

    private void awaitAssessed(long count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (assessments() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void awaitOutboxDrained() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (count("outbox_event") > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private long assessments() throws Exception {
        return count("assessment");
    }

    private long count(String table) throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
