package iq.gov.bcc.platform.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * One poll's records taken in one transaction, because a transaction per record costs a commit per
 * record. If the batch fails for any reason but a database outage, its records are taken again one by
 * one, each in its own transaction, so that only a record that cannot be taken goes to the dead-letter
 * topic, with the reason in its headers ({@code dead-letter-reason}, {@code dead-letter-topic},
 * {@code dead-letter-partition}, {@code dead-letter-offset}). During a database outage the batch, or the
 * record, waits and is tried again ({@link DatabaseOutage}), holding its place in the partitions.
 */
public final class PollBatch {

    private static final Logger LOG = Logger.getLogger(PollBatch.class);

    /** Where a record that cannot be taken is sent: the service's dead-letter channel. */
    @FunctionalInterface
    public interface DeadLetters {
        void send(ConsumerRecord<String, String> record, Headers headers);
    }

    private PollBatch() {
    }

    /**
     * @param what        what taking a record means, for the logs
     * @param records     the poll
     * @param take        takes records inside the transaction it is given; throws if any cannot be taken
     * @param deadLetters where a record goes that cannot be taken on its own
     */
    public static void take(String what, ConsumerRecords<String, String> records,
            Consumer<List<ConsumerRecord<String, String>>> take, DeadLetters deadLetters) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        if (all.isEmpty()) {
            return;
        }
        try {
            DatabaseOutage.retrying(what + " (a batch of " + all.size() + ")",
                    () -> QuarkusTransaction.requiringNew().run(() -> take.accept(all)));
            return;
        } catch (RuntimeException batchFailed) {
            LOG.debugf(batchFailed, "%s: the batch failed; its records are taken one by one", what);
        }
        for (ConsumerRecord<String, String> record : all) {
            try {
                DatabaseOutage.retrying(what, () -> QuarkusTransaction.requiringNew().run(() -> take.accept(List.of(record))));
            } catch (RuntimeException e) {
                LOG.warnf("%s: the record at %s-%d@%d cannot be taken (%s); sent to the dead-letter topic", what,
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                deadLetters.send(record, headers(record, e));
            }
        }
    }

    static Headers headers(ConsumerRecord<String, String> record, RuntimeException reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", String.valueOf(reason.getMessage()).getBytes(StandardCharsets.UTF_8));
        if (reason.getCause() != null) {
            headers.add("dead-letter-cause", String.valueOf(reason.getCause().getMessage()).getBytes(StandardCharsets.UTF_8));
        }
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        return headers;
    }
}
