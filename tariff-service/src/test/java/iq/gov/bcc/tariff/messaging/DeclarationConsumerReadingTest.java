package iq.gov.bcc.tariff.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import iq.gov.bcc.tariff.domain.Declaration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How the consumer reads a CloudEvent in one pass: the declaration comes out exactly as written. */
class DeclarationConsumerReadingTest {

    private final DeclarationConsumer consumer = new DeclarationConsumer(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE),
            null, null, null);

    @Test
    void theDeclarationIsReadExactlyWhateverTheFieldOrder() {
        UUID id = UUID.randomUUID();
        // data before type, numbers with more digits than a double holds, Arabic text, an unknown field
        String event = """
                {"data": {"declarationId": "%s", "version": 2, "crossingCode": "SHL",
                          "lodgedAt": "2026-11-21T09:30:00+03:00", "originCountry": "IR",
                          "trader": {"taxId": "IQ-100200300", "name": "شركة البصرة للحديد"},
                          "items": [{"line": 1, "hsCode": "721420", "netWeightKg": 24000.123456789012345678,
                                     "quantity": 1e3, "customsValue": {"amount": "13200.10", "currency": "USD"}}]},
                 "specversion": "1.0", "type": "iq.bcc.declaration.amended.v1",
                 "id": "%s", "extra": {"nested": [1, 2, 3]}}
                """.formatted(id, "5c6f0a9e-64f6-4c1e-9d0c-0d6f2f8f1a01");
        DeclarationConsumer.Envelope envelope = consumer.read(event);
        assertThat(envelope.typeName()).isEqualTo("iq.bcc.declaration.amended.v1");
        assertThat(DeclarationConsumer.eventId(envelope)).hasToString("5c6f0a9e-64f6-4c1e-9d0c-0d6f2f8f1a01");
        Declaration declaration = consumer.declaration(envelope);
        assertThat(declaration.declarationId()).isEqualTo(id);
        assertThat(declaration.version()).isEqualTo(2);
        assertThat(declaration.lodgedAt()).hasToString("2026-11-21T09:30+03:00");
        assertThat(declaration.trader().name()).isEqualTo("شركة البصرة للحديد");
        Declaration.Item item = declaration.items().get(0);
        assertThat(item.netWeightKg()).hasToString("24000.123456789012345678");
        assertThat(item.quantity()).isEqualByComparingTo("1000");
        assertThat(item.customsValue().amount()).hasToString("13200.10");
    }

    @Test
    void anUnreadableEventIsRefusedWithTheReason() {
        assertThatThrownBy(() -> consumer.read("{\"type\": "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not a readable declaration event");
        assertThatThrownBy(() -> consumer.read("null")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a readable declaration event: the value is JSON null");
        assertThatThrownBy(() -> consumer.read(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a readable declaration event: the record has no value");
        assertThatThrownBy(() -> consumer.read("[1]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a readable declaration event");
        DeclarationConsumer.Envelope noId = consumer.read("{\"type\": \"iq.bcc.declaration.filed.v1\", \"data\": {}}");
        assertThatThrownBy(() -> DeclarationConsumer.eventId(noId)).hasMessageContaining("id is not a UUID");
        DeclarationConsumer.Envelope noData = consumer.read(
                "{\"type\": \"iq.bcc.declaration.filed.v1\", \"id\": \"5c6f0a9e-64f6-4c1e-9d0c-0d6f2f8f1a01\"}");
        assertThatThrownBy(() -> consumer.declaration(noData)).hasMessageContaining("it has no data");
        DeclarationConsumer.Envelope badData = consumer.read("{\"type\": \"iq.bcc.declaration.filed.v1\", "
                + "\"id\": \"5c6f0a9e-64f6-4c1e-9d0c-0d6f2f8f1a01\", \"data\": {\"items\": \"many\"}}");
        assertThatThrownBy(() -> consumer.declaration(badData)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a readable declaration event");
        assertThat(consumer.read("{\"type\": 5, \"data\": [1]}").typeName()).as("not a type it assesses").isNull();
    }
}
