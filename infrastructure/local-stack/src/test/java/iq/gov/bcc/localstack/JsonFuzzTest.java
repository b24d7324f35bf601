package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonFuzzTest {

    private static com.fasterxml.jackson.databind.node.ObjectNode valid() {
        return JsonFuzz.object("{\"reference\":\"" + UUID.randomUUID() + "\",\"items\":[{\"netWeightKg\":\"24000\","
                + "\"customsValue\":{\"amount\":\"13200.00\",\"currency\":\"USD\"}}]}");
    }

    @Test
    void theSameSeedGivesTheSameBodiesApartFromTheFreshValidParts() {
        List<String> first = JsonFuzz.bodies(() -> JsonFuzz.object("{\"a\":1,\"b\":[2,{\"c\":\"d\"}]}"), 42, 300);
        List<String> second = JsonFuzz.bodies(() -> JsonFuzz.object("{\"a\":1,\"b\":[2,{\"c\":\"d\"}]}"), 42, 300);
        assertThat(first).isEqualTo(second).hasSize(300);
    }

    @Test
    void bodiesAreVariedMutationsOfTheValidOne() {
        List<String> bodies = JsonFuzz.bodies(JsonFuzzTest::valid, 7, 1000);
        assertThat(bodies.stream().distinct().count()).as("distinct bodies").isGreaterThan(900);
        long notJson = bodies.stream().filter(b -> JsonFuzz.parse(b) == null).count();
        long withoutReference = bodies.stream().map(JsonFuzz::parse)
                .filter(t -> t != null && t.isObject() && !t.has("reference")).count();
        long hugeNumbers = bodies.stream().filter(b -> b.contains("E+400") || b.contains("9".repeat(100))).count();
        long controlCharacters = bodies.stream().filter(b -> b.matches("(?s).*\\\\u00[01][0-9a-f].*")).count();
        assertThat(notJson).as("corrupted text").isBetween(20L, 300L);
        assertThat(withoutReference).as("a field removed").isPositive();
        assertThat(hugeNumbers).as("extreme numbers").isPositive();
        assertThat(controlCharacters).as("control characters").isPositive();
    }
}
