package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One line of docs/reliability.md: a fault or abuse case a test injected, with its counts. A test
 * writes it once its assertions have passed, as {@code target/reliability/<id>.json} of the module
 * it runs in; {@link ReliabilityReport} assembles every module's records into the document.
 *
 * @param id file name and stable key, lower-case words joined by '-' (e.g. {@code kafka-outage-end-to-end})
 * @param group the report section: {@code security}, {@code abuse}, {@code fuzz}, {@code rate-limit},
 *        {@code faults} (service-level) or {@code system-faults} (system-tests)
 * @param service where it was injected (a service name, or {@code system})
 * @param injected what the test did, for a person
 * @param sent requests, events or bodies sent
 * @param accepted of those, acknowledged (2xx, or a published event)
 * @param delivered facts that arrived where they must (rows stored, events consumed); for refused
 *        input, what was stored anyway, which must be 0
 * @param duplicated facts that arrived more than once
 * @param result what the system did, for a person
 */
public record ReliabilityRecord(String id, String group, String service, String injected, long sent, long accepted,
        long delivered, long duplicated, String result) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|-?\\d+)");

    public ReliabilityRecord {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a record id is lower-case words joined by '-': " + id);
        }
    }

    /** Where this JVM's records go: {@code bcc.reliability.dir}, else {@code target/reliability} of the module. */
    public static Path directory() {
        return Path.of(System.getProperty("bcc.reliability.dir", "target/reliability"));
    }

    /** Writes {@code <directory>/<id>.json}, replacing an earlier run's. */
    public Path write() {
        Path file = directory().resolve(id + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("group", group);
        fields.put("service", service);
        fields.put("injected", injected);
        fields.put("sent", sent);
        fields.put("accepted", accepted);
        fields.put("delivered", delivered);
        fields.put("duplicated", duplicated);
        fields.put("result", result);
        StringBuilder json = new StringBuilder("{\n");
        fields.forEach((name, value) -> {
            json.append("  \"").append(name).append("\": ");
            if (value instanceof Long) {
                json.append(value);
            } else {
                json.append('"').append(escape(String.valueOf(value))).append('"');
            }
            json.append(",\n");
        });
        json.setLength(json.length() - 2);
        return json.append("\n}\n").toString();
    }

    /** Reads what {@link #toJson()} wrote. */
    public static ReliabilityRecord parse(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(json);
        while (field.find()) {
            fields.put(field.group(1), field.group(3) != null ? unescape(field.group(3)) : field.group(2));
        }
        return new ReliabilityRecord(fields.get("id"), fields.get("group"), fields.get("service"),
                fields.get("injected"), number(fields, "sent"), number(fields, "accepted"), number(fields, "delivered"),
                number(fields, "duplicated"), fields.get("result"));
    }

    /** Every record under {@code <module>/target/reliability} of each module directory given. */
    public static List<ReliabilityRecord> readAll(List<Path> reliabilityDirectories) {
        List<ReliabilityRecord> records = new ArrayList<>();
        for (Path directory : reliabilityDirectories) {
            if (!Files.isDirectory(directory)) {
                continue;
            }
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    records.add(parse(Files.readString(file, StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return records;
    }

    private static long number(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\' || i + 1 == text.length()) {
                out.append(c);
                continue;
            }
            char next = text.charAt(++i);
            switch (next) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(next);
            }
        }
        return out.toString();
    }
}
