package iq.gov.bcc.audit.messaging;

import static iq.gov.bcc.platform.event.EventCatalog.ASSESSMENTS;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATIONS;
import static iq.gov.bcc.platform.event.EventCatalog.PAYMENTS;
import static iq.gov.bcc.platform.event.EventCatalog.TARIFFS;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import iq.gov.bcc.audit.service.EventIntake;
import iq.gov.bcc.platform.messaging.PollBatch;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * One consumer per topic (group audit-service). Each poll is taken by {@link EventIntake} in one
 * transaction ({@link PollBatch}); if that fails, its records are taken one by one and only a record
 * that cannot be taken goes to bcc.deadletter.audit-service.v1 with the reason in its headers. While
 * the database is unreachable the same records are tried again until it is back. Offsets are committed
 * only after the poll is processed.
 */
@ApplicationScoped
public class EventConsumers {

    private final EventIntake intake;
    private final MutinyEmitter<String> deadLetters;

    EventConsumers(EventIntake intake, @Channel("dead-letters") MutinyEmitter<String> deadLetters) {
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    @Incoming("declarations")
    @Blocking
    public void declarations(ConsumerRecords<String, String> records) {
        take(DECLARATIONS, records);
    }

    @Incoming("payments")
    @Blocking
    public void payments(ConsumerRecords<String, String> records) {
        take(PAYMENTS, records);
    }

    @Incoming("assessments")
    @Blocking
    public void assessments(ConsumerRecords<String, String> records) {
        take(ASSESSMENTS, records);
    }

    @Incoming("tariffs")
    @Blocking
    public void tariffs(ConsumerRecords<String, String> records) {
        take(TARIFFS, records);
    }

    private void take(String topic, ConsumerRecords<String, String> records) {
        PollBatch.take("consuming from " + topic, records, batch -> intake.consume(batch.stream()
                .map(r -> new EventIntake.Delivery(topic, r.value())).toList()), this::deadLetter);
    }

    private void deadLetter(ConsumerRecord<String, String> record, Headers headers) {
        deadLetters.sendMessageAndAwait(Message.of(record.value()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build()));
    }
}
