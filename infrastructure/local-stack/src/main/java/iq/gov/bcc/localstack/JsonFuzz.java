package iq.gov.bcc.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Request bodies for property-based fuzzing, from jqwik's generators: a valid body with one to three
 * mutations (a field removed, a value replaced by a wrong type, an extreme number, a hostile or odd
 * string, an unknown field, deep nesting) and, now and then, the JSON text itself cut or corrupted.
 * The properties run as ordinary JUnit tests against the running service (jqwik's own engine does not
 * start Quarkus), so generation is seeded here and every body can be regenerated from the seed.
 */
public final class JsonFuzz {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonFuzz() {
    }

    /** {@code count} bodies mutated from {@code valid} (a fresh valid body per call), reproducible from {@code seed}. */
    public static List<String> bodies(Supplier<ObjectNode> valid, long seed, int count) {
        JqwikSession.start();
        try {
            RandomGenerator<String> generator = mutated(valid).generatorWithEmbeddedEdgeCases(1000);
            Random random = new Random(seed);
            List<String> bodies = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                bodies.add(generator.next(random).value());
            }
            return bodies;
        } finally {
            JqwikSession.finish();
        }
    }

    static Arbitrary<String> mutated(Supplier<ObjectNode> valid) {
        Arbitrary<List<Mutation>> mutations = mutation().list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<String> structural = Combinators.combine(Arbitraries.create(valid), mutations).as((body, list) -> {
            JsonNode tree = body;
            for (Mutation m : list) {
                tree = m.apply(tree);
            }
            return write(tree);
        });
        Arbitrary<String> textual = Combinators.combine(Arbitraries.create(valid), Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.strings().all().ofMaxLength(3), Arbitraries.integers().between(0, 2))
                .as((body, at, text, how) -> corrupt(write(body), at, text, how));
        return Arbitraries.frequencyOf(Tuple.of(9, structural), Tuple.of(1, textual));
    }

    /** One change at the node numbered {@code at} (modulo the number of nodes) of the body. */
    record Mutation(int kind, int at, JsonNode value, String name) {

        JsonNode apply(JsonNode root) {
            List<Slot> slots = new ArrayList<>();
            collect(root, slots);
            if (slots.isEmpty()) {
                return value;
            }
            Slot slot = slots.get(Math.floorMod(at, slots.size()));
            switch (kind) {
                case 0 -> slot.remove();
                case 1 -> slot.replace(value);
                case 2 -> slot.replace(NODES.arrayNode().add(slot.value()));
                default -> {
                    if (slot.value() instanceof ObjectNode object) {
                        object.set(name, value);
                    } else {
                        slot.replace(value);
                    }
                }
            }
            return root;
        }
    }

    private static Arbitrary<Mutation> mutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.integers(), value(),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)).as(Mutation::new);
    }

    /** Values a careless or hostile client might put anywhere. */
    static Arbitrary<JsonNode> value() {
        Arbitrary<JsonNode> strings = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0600', '\u06ff').ofMaxLength(40),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("", " ", "null", "true", "NaN", "Infinity", "-0", "1e400", "0x1F", "2026-13-45T25:61:00+99:00",
                        "'; DROP TABLE declaration; --", "<script>alert(1)</script>", "../../etc/passwd", "${jndi:ldap://x/a}",
                        "شركة البصرة للحديد", "🚚🚚🚚", "\ud83d", "SHL", "TRB", "ZZZ", "IMPORT", "USD", "721420",
                        "9".repeat(120)),
                Arbitraries.strings().ofLength(5000).withChars('x')).map(NODES::textNode);
        Arbitrary<JsonNode> numbers = Arbitraries.oneOf(
                Arbitraries.bigDecimals().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(new BigDecimal("1e400"), new BigDecimal("-1e400"), new BigDecimal("1e-400"),
                        new BigDecimal("1e999999999"), BigDecimal.ZERO, new BigDecimal("-0.001"),
                        new BigDecimal(new BigInteger("9".repeat(100)))).map(NODES::numberNode));
        Arbitrary<JsonNode> others = Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.booleanNode(false),
                NODES.arrayNode(), NODES.objectNode(), nested(50), nested(900)).map(JsonNode::deepCopy);
        return Arbitraries.frequencyOf(Tuple.of(5, strings), Tuple.of(4, numbers),
                Tuple.of(2, others));
    }

    private static JsonNode nested(int depth) {
        JsonNode node = NODES.numberNode(1);
        for (int i = 0; i < depth; i++) {
            node = i % 2 == 0 ? NODES.arrayNode().add(node) : NODES.objectNode().set("a", node);
        }
        return node;
    }

    /** The text cut short, a character inserted, or a character removed. */
    private static String corrupt(String json, int at, String text, int how) {
        int position = at % (json.length() + 1);
        return switch (how) {
            case 0 -> json.substring(0, position);
            case 1 -> json.substring(0, position) + text + json.substring(position);
            default -> position < json.length() ? json.substring(0, position) + json.substring(position + 1) : json;
        };
    }

    private static String write(JsonNode tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A place in the tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {

        JsonNode value() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void replace(JsonNode value) {
            if (field != null) {
                ((ObjectNode) parent).set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ValueNode || node == null) {
            return;
        }
        if (node instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
                String name = names.next();
                slots.add(new Slot(object, name, -1));
                collect(object.get(name), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }

    /** For a test's own checks: the body as a tree, or null when it is not JSON. */
    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    /** A valid body to start from, parsed from JSON text. */
    public static ObjectNode object(String json) {
        JsonNode node = parse(json);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("not a JSON object: " + json);
        }
        return object;
    }
}
