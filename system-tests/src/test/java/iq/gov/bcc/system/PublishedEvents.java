package iq.gov.bcc.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What an integrator sees on the topics: every event of one declaration, checked against the JSON
 * Schema its own {@code dataschema} names, fetched from the producing service.
 */
final class PublishedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, JsonSchema> CACHE = new HashMap<>();

    private PublishedEvents() {
    }

    /** Every event keyed by the declaration on the given topics, read from the beginning. */
    static List<JsonNode> of(String bootstrapServers, String declarationId, List<String> topics, int atLeast) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(topics);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline && events.size() < atLeast) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
                    if (declarationId.equals(record.key())) {
                        events.add(read(record.value()));
                    }
                }
            }
        }
        return events;
    }

    static void assertConform(List<JsonNode> events) {
        for (JsonNode event : events) {
            String dataschema = event.get("dataschema").asText();
            String base = dataschema.substring(0, dataschema.lastIndexOf('/') + 1);
            assertValid(schema(base + "cloudevent.json"), event, "envelope of " + event.get("type"));
            assertValid(schema(dataschema), event.get("data"), event.get("type").asText());
        }
    }

    private static JsonSchema schema(String url) {
        return CACHE.computeIfAbsent(url, u -> {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(u)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("schema %s", u).isEqualTo(200);
                return SCHEMAS.getSchema(response.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static void assertValid(JsonSchema schema, JsonNode node, String what) {
        Set<ValidationMessage> errors = schema.validate(node);
        assertThat(errors).as("%s against its schema: %s", what, node).isEmpty();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
