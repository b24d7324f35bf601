package iq.gov.bcc.simulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What to simulate and against which system. Every option is a {@code --name=value} argument or
 * the environment variable {@code BCC_SIM_NAME} (upper case, dashes as underscores); the defaults
 * are the local stack's addresses and a short day.
 *
 * @param seed           the same seed plays the same traffic
 * @param tag            prefixes references and receipt numbers, so that two runs on one system do not collide
 * @param day            the simulated day, in Baghdad time; yesterday by default, so every timestamp is past
 * @param dayMinutes     wall-clock minutes the day is played in (time compression)
 * @param declarations   declarations lodged across all crossings during the day
 * @param fraudRate      share of declarations given one fraud pattern
 * @param history        honest declarations per route lodged over the previous weeks (offline batches),
 *                       from which the audit service learns what values are usual
 * @param settleSeconds  how long to wait at most for the audit service to see everything
 * @param graceSeconds   the audit service's unpaid-release grace, waited out before judging
 */
public record Options(long seed, String tag, LocalDate day, double dayMinutes, int declarations, double fraudRate,
        int history, int threads, URI declarationService, URI tariffService, URI auditService, URI keycloak,
        String realm, String crossingSecretPrefix, String userPassword, Path output, int settleSeconds,
        int graceSeconds, URI consoleBase) {

    public static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");

    public static Options parse(String[] args, Map<String, String> environment) {
        Map<String, String> given = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, not " + arg);
            }
            given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Lookup v = new Lookup(given, environment);
        long seed = Long.parseLong(v.get("seed", "20201"));
        URI audit = URI.create(v.get("audit-url", "http://127.0.0.1:8083"));
        return new Options(seed,
                v.get("tag", "S" + seed),
                LocalDate.parse(v.get("day", LocalDate.now(BAGHDAD).minusDays(1).toString())),
                Double.parseDouble(v.get("day-minutes", "3")),
                Integer.parseInt(v.get("declarations", "1500")),
                Double.parseDouble(v.get("fraud-rate", "0.12")),
                Integer.parseInt(v.get("history", "24")),
                Integer.parseInt(v.get("threads", "24")),
                URI.create(v.get("declaration-url", "http://127.0.0.1:8081")),
                URI.create(v.get("tariff-url", "http://127.0.0.1:8082")),
                audit,
                URI.create(v.get("keycloak-url", "http://127.0.0.1:8180")),
                v.get("realm", "bcc"),
                v.get("crossing-secret-prefix", "local-dev-only-"),
                v.get("user-password", "local-dev-only"),
                Path.of(v.get("output", "target/simulation")),
                Integer.parseInt(v.get("settle-seconds", "300")),
                Integer.parseInt(v.get("grace-seconds", "60")),
                URI.create(v.get("console-url", audit + "/console/")));
    }

    /** Wall-clock milliseconds one simulated second takes. */
    public double wallMillisPerSimulatedSecond() {
        return dayMinutes * 60_000 / 86_400;
    }

    private record Lookup(Map<String, String> given, Map<String, String> environment) {

        String get(String name, String fallback) {
            String value = given.get(name);
            if (value == null) {
                value = environment.get("BCC_SIM_" + name.toUpperCase().replace('-', '_'));
            }
            return value == null || value.isBlank() ? fallback : value;
        }
    }
}
