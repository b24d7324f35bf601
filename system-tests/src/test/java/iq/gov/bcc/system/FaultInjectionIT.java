package iq.gov.bcc.system;

import static org.assertj.core.api.Assertions.assertThat;

import iq.gov.bcc.client.audit.model.CorrelationView;
import iq.gov.bcc.client.audit.model.DiscrepancyView;
import iq.gov.bcc.localstack.LocalStack;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.simulator.Clients;
import iq.gov.bcc.simulator.Consignment;
import iq.gov.bcc.simulator.Credentials;
import iq.gov.bcc.simulator.Options;
import iq.gov.bcc.simulator.Played;
import iq.gov.bcc.simulator.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected into the running system while the crossings keep posting (the simulator plays a
 * short day in the background): Kafka stopped for a minute, the audit service SIGKILLed again and
 * again, PostgreSQL restarted, poison records on every consumed topic. After each, every fact a
 * crossing had acknowledged must be in the audit service's story of its declaration exactly once,
 * and the discrepancies must still match the ground truth. Each case writes its counts to
 * target/reliability/ for docs/reliability.md.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final int GRACE_SECONDS = 5;
    private static final Map<String, String> AUDIT = Map.of("BCC_AUDIT_UNPAID_RELEASE_GRACE", "PT" + GRACE_SECONDS + "S",
            "BCC_AUDIT_SWEEP_INTERVAL", "1s");
    private static LocalStack stack;
    private static Path root;

    @BeforeAll
    static void startTheSystem() {
        root = Path.of(System.getProperty("bcc.home", "..")).toAbsolutePath().normalize();
        stack = new LocalStack(root, LocalStack.Layout.freePorts(LocalStack.SERVICES), Map.of("audit-service", AUDIT));
        stack.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void kafkaStoppedForAMinuteWhileTheCrossingsPost() throws Exception {
        CompletableFuture<Simulator.Result> day = playInTheBackground(11, "KAFKA");
        Thread.sleep(15_000);
        stack.kafka().stopBroker();
        Thread.sleep(60_000);
        stack.kafka().restart();
        Simulator.Result result = day.get(15, TimeUnit.MINUTES);

        Completeness facts = Completeness.of(result, clients());
        assertThat(result.failures()).as("consignments the crossings could not complete").isZero();
        assertThat(facts.missing()).as("acknowledged facts the audit service never saw").isEmpty();
        assertThat(facts.extra()).as("facts the audit service holds twice").isEmpty();
        assertThat(result.detection().meetsTargets()).as(result.detection().table()).isTrue();
        record("kafka-outage-end-to-end", "Kafka broker stopped for 60 s while 22 crossings kept posting, then restarted",
                result, facts, "every write acknowledged while Kafka was down reached the audit service once, "
                        + "after the relay caught up; discrepancies match the ground truth");
    }

    @Test
    @Order(2)
    void theAuditServiceKilledThreeTimesMidStream() throws Exception {
        CompletableFuture<Simulator.Result> day = playInTheBackground(12, "KILL");
        for (int kill = 0; kill < 3; kill++) {
            Thread.sleep(12_000);
            stack.kill("audit-service");
            Thread.sleep(2_000);
            stack.startService("audit-service", AUDIT);
        }
        Simulator.Result result = day.get(15, TimeUnit.MINUTES);

        Completeness facts = Completeness.of(result, clients());
        assertThat(result.failures()).isZero();
        assertThat(facts.missing()).isEmpty();
        assertThat(facts.extra()).as("facts the audit service holds twice").isEmpty();
        Map<String, Long> cases = result.discrepancies().stream().filter(d -> result.truth().containsKey(d.getDeclarationId()))
                .collect(Collectors.groupingBy(d -> d.getType() + " " + d.getDeclarationId(), Collectors.counting()));
        assertThat(cases.values()).as("a discrepancy raised twice").allMatch(n -> n == 1);
        assertThat(result.detection().meetsTargets()).as(result.detection().table()).isTrue();
        record("audit-killed-mid-stream", "audit-service SIGKILLed three times, 12 s apart, while a day was played",
                result, facts, "no event lost, none applied twice, no discrepancy doubled ("
                        + cases.size() + " cases); discrepancies match the ground truth");
    }

    @Test
    @Order(3)
    void postgresRestartedUnderLoad() throws Exception {
        CompletableFuture<Simulator.Result> day = playInTheBackground(13, "PG");
        Thread.sleep(15_000);
        stack.postgres().stopServer();
        HttpResponse<String> answer = awaitUnavailable();
        Thread.sleep(8_000);
        stack.postgres().restart();
        Simulator.Result result = day.get(15, TimeUnit.MINUTES);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        Completeness facts = Completeness.of(result, clients());
        assertThat(result.failures()).as("consignments the crossings could not complete").isZero();
        assertThat(facts.missing()).isEmpty();
        assertThat(facts.extra()).as("facts the audit service holds twice").isEmpty();
        assertThat(result.detection().meetsTargets()).as(result.detection().table()).isTrue();
        record("postgres-restart-under-load", "PostgreSQL stopped for about 10 s under load, then started again",
                result, facts, "writes answered 503 problem+json with Retry-After while it was down ("
                        + result.traffic().refusals().getOrDefault(503, 0L) + " times); the crossings retried, the services "
                        + "recovered by themselves, nothing was lost or doubled");
    }

    @Test
    @Order(4)
    void poisonRecordsOnEveryConsumedTopicGoToTheDeadLetterTopics() throws Exception {
        List<String> topics = List.of("bcc.declarations.v1", "bcc.payments.v1", "bcc.assessments.v1", "bcc.tariffs.v1");
        String marker = "poison-" + UUID.randomUUID();
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            for (String topic : topics) {
                for (String poison : List.of("not json at all {", "{\"specversion\":\"1.0\",\"id\":\"not-a-uuid\"}",
                        "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"iq.bcc.declaration.filed.v1\","
                                + "\"source\":\"/x\",\"subject\":\"x\",\"data\":{\"declarationId\":42}}")) {
                    ProducerRecord<String, String> record = new ProducerRecord<>(topic, marker, poison);
                    record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                    producer.send(record).get();
                    sent++;
                }
            }
        }
        // A small day is enough to show that every consumer went on past the poison.
        Simulator.Result after = playInTheBackground(options(14, "POISON", 40, 0.5)).get(15, TimeUnit.MINUTES);

        List<ConsumerRecord<String, String>> audit = read("bcc.deadletter.audit-service.v1", marker, 10);
        List<ConsumerRecord<String, String>> tariff = read("bcc.deadletter.tariff-service.v1", marker, 1);
        assertThat(audit).as("poison the audit service set aside").hasSizeGreaterThanOrEqualTo(10);
        assertThat(audit).allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null);
        assertThat(tariff).as("poison the tariff service set aside").isNotEmpty();
        Completeness facts = Completeness.of(after, clients());
        assertThat(after.failures()).isZero();
        assertThat(facts.missing()).as("facts after the poison").isEmpty();
        new ReliabilityRecord("poison-events-every-topic", "system-faults", "system",
                "3 malformed records (not JSON, bad id, wrong data) on each of the 4 consumed topics (" + sent
                        + " in all), then a short day",
                sent, sent, audit.size() + tariff.size(), 0,
                "audit-service dead-lettered " + audit.size() + " and tariff-service " + tariff.size()
                        + " with the reason in the headers; both kept consuming: the day after the poison is complete ("
                        + facts.delivered() + " facts)").write();
    }

    private static CompletableFuture<Simulator.Result> playInTheBackground(long seed, String tag) {
        return playInTheBackground(options(seed, tag));
    }

    private static CompletableFuture<Simulator.Result> playInTheBackground(Options options) {
        return CompletableFuture.supplyAsync(() -> new Simulator(options, Map.of(), System.out).run());
    }

    /** A day of 150 declarations in 90 s: long enough for every fault to fall in the middle of it. */
    private static Options options(long seed, String tag) {
        return options(seed, tag, 150, 1.5);
    }

    private static Options options(long seed, String tag, int declarations, double dayMinutes) {
        return Options.parse(new String[] {"--seed=" + seed, "--tag=" + tag, "--declarations=" + declarations,
                "--day-minutes=" + dayMinutes, "--history=0", "--fraud-rate=0.15", "--threads=16", "--declaration-url=" + stack.url("declaration-service"),
                "--tariff-url=" + stack.url("tariff-service"), "--audit-url=" + stack.url("audit-service"),
                "--keycloak-url=" + stack.keycloak().baseUrl(), "--grace-seconds=" + GRACE_SECONDS, "--settle-seconds=300",
                "--output=" + root.resolve("system-tests/target/simulation-" + tag.toLowerCase())}, new HashMap<>());
    }

    private static Clients clients() {
        Options options = options(0, "CHECK");
        return new Clients(options, new Credentials(options, Map.of()));
    }

    /** Posts a declaration until the service answers without its database: the answer a crossing gets. */
    private static HttpResponse<String> awaitUnavailable() throws Exception {
        Options options = options(0, "PROBE");
        String token = new Credentials(options, Map.of()).crossing("SHL");
        HttpClient http = HttpClient.newHttpClient();
        Instant giveUp = Instant.now().plusSeconds(20);
        HttpResponse<String> answer;
        do {
            answer = http.send(HttpRequest.newBuilder(URI.create(stack.url("declaration-service") + "/api/v1/payments"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"crossingCode\":\"SHL\",\"receiptNumber\":\"PROBE-"
                            + UUID.randomUUID().toString().substring(0, 8) + "\",\"declarationId\":\"" + UUID.randomUUID() + "\",\"amount\":{\"amount\":\"1000\","
                            + "\"currency\":\"IQD\"},\"method\":\"CASH\",\"paidAt\":\"2026-11-21T10:00:00+03:00\"}"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } while (answer.statusCode() != 503 && Instant.now().isBefore(giveUp));
        return answer;
    }

    private static List<ConsumerRecord<String, String>> read(String topic, String key, int expected) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "fault-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant giveUp = Instant.now().plusSeconds(30);
            while (found.size() < expected && Instant.now().isBefore(giveUp)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static void record(String id, String injected, Simulator.Result result, Completeness facts, String outcome) {
        new ReliabilityRecord(id, "system-faults", "system", injected, result.traffic().writesSent(),
                result.traffic().writesAccepted(), facts.delivered(), facts.duplicated(),
                outcome + "; " + facts.expected() + " facts expected at the audit service, write answers other than 2xx: "
                        + result.traffic().refusals()).write();
    }

    /**
     * Every fact a crossing had acknowledged, looked for in the audit service's story of its
     * declaration: versions, weighings, inspections, receipts, release and transit exit.
     */
    record Completeness(long expected, long delivered, long duplicated, List<String> missing, List<String> extra) {

        static Completeness of(Simulator.Result result, Clients clients) throws Exception {
            long expected = 0;
            long delivered = 0;
            long duplicated = 0;
            List<String> missing = new ArrayList<>();
            List<String> extra = new ArrayList<>();
            for (Played p : result.played()) {
                if (p.failed()) {
                    continue;
                }
                Consignment c = p.consignment();
                CorrelationView story = clients.correlation("auditor").correlation(p.declarationId().toString());
                Map<String, int[]> counts = new java.util.LinkedHashMap<>();
                counts.put("versions", new int[] {c.reclassifyTo().isPresent() ? 2 : 1, size(story.getVersions())});
                counts.put("weighings", new int[] {c.weighedAt() != null ? 1 : 0, size(story.getWeighings())});
                counts.put("inspections", new int[] {p.inspected() ? 1 : 0, size(story.getInspections())});
                counts.put("receipts", new int[] {p.receipts(), size(story.getReceipts())});
                counts.put("release", new int[] {1, present(story.getRelease())});
                counts.put("exit", new int[] {p.exited() ? 1 : 0, present(story.getTransitExit())});
                for (Map.Entry<String, int[]> count : counts.entrySet()) {
                    int want = count.getValue()[0];
                    int got = count.getValue()[1];
                    expected += want;
                    delivered += Math.min(want, got);
                    duplicated += Math.max(0, got - want);
                    if (got < want) {
                        missing.add(c.reference() + " " + count.getKey() + " " + got + "/" + want);
                    }
                    if (got > want) {
                        extra.add(c.reference() + " " + count.getKey() + " " + got + "/" + want + " " + story);
                    }
                }
            }
            return new Completeness(expected, delivered, duplicated, missing, extra);
        }

        /** The generated client reads an absent fact as an empty object. */
        private static int present(Object fact) {
            return fact == null || (fact instanceof Map<?, ?> map && map.isEmpty()) ? 0 : 1;
        }

        private static int size(List<?> list) {
            return list == null ? 0 : list.size();
        }
    }
}
