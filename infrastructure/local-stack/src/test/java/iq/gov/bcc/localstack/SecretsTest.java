package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No secret lives in the repository except the development defaults, which say so ({@code local-dev-only},
 * or {@code change-me} in the example Secret), and every service takes its secrets from the environment.
 */
class SecretsTest {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();
    private static final List<String> SERVICES = List.of("declaration-service", "tariff-service", "audit-service");

    /** Things that are secrets whatever surrounds them. */
    private static final List<Pattern> ALWAYS_SECRET = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}"),
            Pattern.compile("AKIA[0-9A-Z]{16}"),
            Pattern.compile("gh[pousr]_[A-Za-z0-9]{36}"),
            Pattern.compile("xox[baprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("AIza[0-9A-Za-z_-]{35}"));

    /**
     * A value given to something named like a secret: {@code key=value}, {@code key: value},
     * {@code "key": "value"}, {@code "key", "value"} (Java map literals) and SQL's {@code PASSWORD 'value'}.
     */
    private static final Pattern ASSIGNED = Pattern.compile(
            "(?i)(password|passwd|secret|credential|api[-_]?key|private[-_]?key|access[-_]?token)(?!s)[\\w-]*[\"']?"
                    + "(?:\\s*[:=]\\s*|(?<=[\"'])\\s*,\\s*|\\s+(?='))([\"']?)([^\\s\"',;)}<>]*)");
    /** Files whose every value is configuration; elsewhere (code, prose) only values that look like credentials count. */
    private static final Pattern CONFIGURATION = Pattern.compile(".*\\.(properties|ya?ml|env|conf)$");
    /** Unquoted, a value in these files is an expression, not a literal. */
    private static final Pattern CODE = Pattern.compile(".*\\.(java|js|ts)$");
    /** The wrapper scripts are Maven's, not ours. */
    private static final List<String> NOT_OURS = List.of("mvnw", "mvnw.cmd");

    @Test
    void noSecretIsCommittedBeyondTheMarkedDevelopmentDefaults() throws Exception {
        List<Path> files = trackedTextFiles();
        assertThat(files).as("files scanned").hasSizeGreaterThan(100);
        List<String> findings = new ArrayList<>();
        int markedDefaults = 0;
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String where = ROOT.relativize(file) + ":" + (i + 1);
                for (String finding : scan(file.toString(), lines.get(i))) {
                    if (finding.isEmpty()) {
                        markedDefaults++;
                    } else {
                        findings.add(where + " " + finding);
                    }
                }
            }
        }
        assertThat(findings).as("secrets in the repository").isEmpty();
        assertThat(markedDefaults).as("the marked development defaults are seen, so the scan works").isPositive();
        new ReliabilityRecord("secrets-in-repository", "exposure", "repository",
                "scan of every tracked text file for private keys, tokens, cloud keys and values given to "
                        + "password/secret/credential names",
                files.size(), 0, findings.size(), 0,
                "no secret; " + markedDefaults + " values are marked development defaults (local-dev-only, change-me)")
                .write();
    }

    @Test
    void theScanFindsWhatItLooksFor() {
        assertThat(scan("x/application.properties", "quarkus.datasource.password=hunter")).hasSize(1);
        assertThat(scan("x/Credentials.java", "Map.of(\"client_secret\", \"S3cretValue\")")).hasSize(1);
        assertThat(scan("x/run.sh", "curl -d client_secret=Xk29fj38Dk")).hasSize(1);
        // Split, so that this file does not hold what it is looking for.
        assertThat(scan("x/key.txt", "-----BEGIN RSA PRIVATE " + "KEY-----")).hasSize(1);
        assertThat(scan("x/README.md", "the token eyJ" + "hbGciOiJSUzI1NiJ9.eyJzdWIiOiJhdWRpdG9yIn0.c2lnbmF0dXJlLWJ5dGVz"))
                .hasSize(1);
        assertThat(scan("x/application.properties", "quarkus.datasource.password=${BCC_DB_PASSWORD:local-dev-only}"))
                .containsExactly("");
        assertThat(scan("x/Tokens.java", "Map.of(\"password\", LOCAL_PASSWORD)")).isEmpty();
        assertThat(scan("x/README.md", "Secrets come from your secret store: never commit them.")).isEmpty();
    }

    /** What one line holds: a description per secret, an empty string per marked development default. */
    private static List<String> scan(String file, String line) {
        List<String> found = new ArrayList<>();
        for (Pattern secret : ALWAYS_SECRET) {
            if (secret.matcher(line).find()) {
                found.add("looks like a key or token: " + line.trim());
            }
        }
        Matcher assigned = ASSIGNED.matcher(line);
        while (assigned.find()) {
            String value = assigned.group(3);
            boolean code = CODE.matcher(file).matches() && assigned.group(2).isEmpty();
            boolean configuration = CONFIGURATION.matcher(file).matches();
            if (value.contains("local-dev-only") || value.equals("change-me")) {
                found.add("");
            } else if (!code && !harmless(value) && (configuration || credentialLike(value))) {
                found.add("gives " + assigned.group(1) + " the value " + value);
            }
        }
        return found;
    }

    @Test
    void everyServiceReadsItsSecretsFromTheEnvironment() throws IOException {
        for (String service : SERVICES) {
            Properties properties = new Properties();
            try (var in = Files.newBufferedReader(ROOT.resolve(service).resolve("src/main/resources/application.properties"))) {
                properties.load(in);
            }
            for (String key : properties.stringPropertyNames()) {
                String name = key.toLowerCase();
                // quarkus.kubernetes.env.secrets names the Kubernetes Secret to read, it holds none.
                boolean namesASecret = name.endsWith(".secrets");
                if (!namesASecret && (name.contains("password") || name.contains("secret") || name.contains("credentials"))) {
                    String value = properties.getProperty(key);
                    assertThat(value).as("%s %s", service, key).matches("\\$\\{[A-Z0-9_]+(:.*)?}")
                            .satisfiesAnyOf(v -> assertThat(v).doesNotContain(":"),
                                    v -> assertThat(v).contains("local-dev-only"));
                    assertThat(key).as("%s: no profile may hard-code %s", service, key).doesNotStartWith("%prod");
                }
            }
        }
    }

    /** Long enough, and mixing digits or cases the way generated secrets and most passwords do. */
    private static boolean credentialLike(String value) {
        boolean digit = value.chars().anyMatch(Character::isDigit);
        boolean upper = value.chars().skip(1).anyMatch(Character::isUpperCase);
        boolean lower = value.chars().anyMatch(Character::isLowerCase);
        return value.length() >= 6 && (digit && (upper || lower) || upper && lower);
    }

    private static boolean harmless(String value) {
        return value.isEmpty()
                || value.startsWith("$") // ${ENV:...}, $VARIABLE: taken from the environment
                || value.startsWith("%") // a placeholder in a format string
                || value.startsWith("[") || value.startsWith("{") || value.startsWith("\\") // structure, a regex
                || value.matches("\\d{1,6}") // a lifespan, a count
                || value.matches("(?i)true|false|null|none|required|optional|string|client-secret|opaque|\\*+|-+");
    }

    /** What git tracks (and what is new but not ignored), without binaries. */
    private static List<Path> trackedTextFiles() throws Exception {
        Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        List<String> names = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(git.waitFor()).as("git ls-files: %s", names).isZero();
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            Path file = ROOT.resolve(name);
            if (Files.isRegularFile(file) && !NOT_OURS.contains(name) && Files.size(file) < 5_000_000 && !isBinary(file)) {
                files.add(file);
            }
        }
        return files;
    }

    private static boolean isBinary(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return false;
        } catch (java.nio.charset.CharacterCodingException notText) {
            return true;
        }
    }
}
