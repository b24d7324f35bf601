package iq.gov.bcc.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load for the audit service's intake benchmark (benchmarks/audit-intake.sh): the events of a played
 * day, published again {@code copies} times as other declarations. Every UUID (event, declaration,
 * receipt, weighing...) is replaced consistently within a copy and receipt numbers get the copy's
 * suffix, so each copy is a new, equally realistic day's worth of stories, not a redelivery.
 *
 * <pre>java -cp ... iq.gov.bcc.simulator.TopicCopies bootstrap-servers copies</pre>
 */
public final class TopicCopies {

    private static final List<String> TOPICS = List.of("bcc.declarations.v1", "bcc.assessments.v1", "bcc.payments.v1");
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern RECEIPT_NUMBER = Pattern.compile("(\"receiptNumber\"\\s*:\\s*\"[^\"]+)\"");

    private TopicCopies() {
    }

    public static void main(String[] args) {
        String bootstrap = args[0];
        int copies = Integer.parseInt(args[1]);
        Map<String, List<ConsumerRecord<String, String>>> day = new HashMap<>();
        for (String topic : TOPICS) {
            day.put(topic, readAll(bootstrap, topic));
        }
        long sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20), new StringSerializer(), new StringSerializer())) {
            for (int copy = 1; copy <= copies; copy++) {
                Map<String, String> renamed = new HashMap<>();
                String suffix = "-copy" + copy;
                for (String topic : TOPICS) {
                    for (ConsumerRecord<String, String> record : day.get(topic)) {
                        String value = RECEIPT_NUMBER.matcher(rename(record.value(), renamed)).replaceAll("$1" + suffix + "\"");
                        ProducerRecord<String, String> out = new ProducerRecord<>(topic, rename(record.key(), renamed), value);
                        record.headers().forEach(h -> out.headers().add(h));
                        producer.send(out);
                        sent++;
                    }
                }
            }
            producer.flush();
        }
        long original = day.values().stream().mapToLong(List::size).sum();
        System.out.printf("read %d events of the day; published %d copies: %d events%n", original, copies, sent);
        long total = 0;
        for (String topic : List.of("bcc.declarations.v1", "bcc.assessments.v1", "bcc.payments.v1", "bcc.tariffs.v1")) {
            total += records(bootstrap, topic);
        }
        System.out.printf("total %d%n", total);
    }

    private static long records(String bootstrap, String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream().mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    private static String rename(String text, Map<String, String> renamed) {
        if (text == null) {
            return null;
        }
        Matcher m = UUIDS.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, renamed.computeIfAbsent(m.group(), k -> UUID.randomUUID().toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(all::add);
            }
        }
        return all;
    }
}
