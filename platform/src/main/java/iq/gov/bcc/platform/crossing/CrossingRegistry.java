package iq.gov.bcc.platform.crossing;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The crossings registry. It is data, not code: the file an administrator maintains
 * ({@code BCC_CROSSINGS_FILE}), or else the registry shipped in deploy/reference/crossings.csv.
 */
@ApplicationScoped
public class CrossingRegistry {

    static final String SHIPPED = "/iq/gov/bcc/platform/crossing/crossings.csv";
    private static final List<String> HEADER = List.of("code", "name_en", "name_ar", "kind", "neighbour_country",
            "governorate", "region");

    private final Map<String, Crossing> byCode;

    public CrossingRegistry(@ConfigProperty(name = "bcc.crossings.file") Optional<String> file) {
        this.byCode = file.filter(f -> !f.isBlank()).map(f -> parse(read(Path.of(f)), f))
                .orElseGet(() -> parse(readShipped(), SHIPPED));
    }

    public List<Crossing> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Crossing> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public boolean exists(String code) {
        return code != null && byCode.containsKey(code);
    }

    static Map<String, Crossing> parse(String csv, String source) {
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty() || !List.of(lines.get(0).replace("\uFEFF", "").split(",", -1)).equals(HEADER)) {
            throw new IllegalStateException(source + ": the first line must be " + String.join(",", HEADER));
        }
        Map<String, Crossing> crossings = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != HEADER.size()) {
                throw new IllegalStateException(source + " line " + (i + 1) + ": expected " + HEADER.size()
                        + " columns, found " + cells.length);
            }
            try {
                Crossing crossing = new Crossing(cells[0].trim(), cells[1].trim(), cells[2].trim(),
                        Crossing.Kind.valueOf(cells[3].trim()), cells[4].trim(), cells[5].trim(),
                        Crossing.Region.valueOf(cells[6].trim()));
                if (!crossing.code().matches("[A-Z]{3}")) {
                    throw new IllegalArgumentException("code must be three capital letters: " + crossing.code());
                }
                if (crossings.put(crossing.code(), crossing) != null) {
                    throw new IllegalArgumentException("duplicate code " + crossing.code());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableMap(crossings);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the crossings registry " + file, e);
        }
    }

    private static String readShipped() {
        try (InputStream in = CrossingRegistry.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException(SHIPPED + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
