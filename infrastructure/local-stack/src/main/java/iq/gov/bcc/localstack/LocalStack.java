package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine: PostgreSQL, Kafka and Keycloak, then the services, each a
 * separate process. {@link #main} runs it on the documented ports until Ctrl-C (or SIGTERM);
 * system tests run it on free ports. Whatever it started, it stops.
 */
public final class LocalStack {

    public static final List<String> SERVICES = List.of("declaration-service", "tariff-service", "audit-service");
    private static final Map<String, String> DATABASES = Map.of("declaration-service", "bcc_declaration",
            "tariff-service", "bcc_tariff", "audit-service", "bcc_audit");

    /** Where everything listens, and whether PostgreSQL keeps fsync on. */
    public record Layout(int postgres, int kafka, int kafkaController, int keycloak, Map<String, Integer> services,
            boolean durable) {

        /** The documented ports, each movable by its BCC_*_PORT variable; BCC_SERVICES picks a subset. */
        public static Layout fromEnvironment() {
            Map<String, Integer> services = new LinkedHashMap<>();
            services.put("declaration-service", port("BCC_DECLARATION_PORT", 8081));
            services.put("tariff-service", port("BCC_TARIFF_PORT", 8082));
            services.put("audit-service", port("BCC_AUDIT_PORT", 8083));
            String only = System.getenv("BCC_SERVICES");
            if (only != null && !only.isBlank()) {
                services.keySet().retainAll(List.of(only.split("\\s*,\\s*")));
            }
            return new Layout(port("BCC_PG_PORT", 5432), port("BCC_KAFKA_PORT", 9092),
                    port("BCC_KAFKA_CONTROLLER_PORT", 9093), port("BCC_KEYCLOAK_PORT", 8180), services, true);
        }

        /** Free ports for a test run that must not collide with anything. */
        public static Layout freePorts(List<String> services) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            services.forEach(s -> ports.put(s, FreePorts.next()));
            return new Layout(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), ports, false);
        }

        private static int port(String variable, int fallback) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
        }
    }

    private final Path projectRoot;
    private final Layout layout;
    private final Map<String, Map<String, String>> serviceSettings;
    private final Map<String, RunningService> services = new LinkedHashMap<>();
    private final ServiceJvm serviceJvm = ServiceJvm.chosen();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;

    /**
     * @param serviceSettings extra environment per service (tolerances for a test, say)
     */
    public LocalStack(Path projectRoot, Layout layout, Map<String, Map<String, String>> serviceSettings) {
        this.projectRoot = projectRoot;
        this.layout = layout;
        this.serviceSettings = serviceSettings;
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("bcc.home", ".")).toAbsolutePath().normalize();
        new LocalStack(root, Layout.fromEnvironment(), Map.of()).runUntilStopped(() -> { });
    }

    /**
     * For a command line: starts everything, prints where it is, runs {@code whileUp}, and keeps the
     * stack up until the JVM is asked to stop (Ctrl-C), when everything started is stopped.
     */
    public void runUntilStopped(Runnable whileUp) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the BCC local stack...");
            stop();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "bcc-local-stack-stop"));
        try {
            start();
        } catch (RuntimeException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        printSummary();
        whileUp.run();
        stopped.await();
    }

    public void start() {
        List<Integer> ports = new ArrayList<>(List.of(layout.postgres(), layout.kafka(), layout.kafkaController(),
                layout.keycloak()));
        ports.addAll(layout.services().values());
        for (int port : ports) {
            if (Readiness.portOpen(port)) {
                throw new IllegalStateException("port " + port + " is already in use; stop what holds it or move "
                        + "this stack with the BCC_*_PORT variables (see README)");
            }
        }
        for (String service : layout.services().keySet()) {
            if (!Files.exists(jar(service))) {
                throw new IllegalStateException(jar(service) + " is missing: build first (./mvnw package -DskipTests)");
            }
        }
        // A stack that fails halfway stops what it had started, so no caller leaves servers behind.
        try {
            step("PostgreSQL on " + layout.postgres());
            postgres = PostgresServer.start(layout.postgres(), layout.durable());
            layout.services().keySet().forEach(s -> postgres.createDatabase(DATABASES.get(s), DATABASES.get(s), dbPassword()));
            step("Kafka on " + layout.kafka());
            kafka = KafkaBroker.start(layout.kafka(), layout.kafkaController(), 6);
            step("Keycloak on " + layout.keycloak() + " (about 30 s the first time)");
            keycloak = KeycloakServer.start(layout.keycloak());
            for (String service : layout.services().keySet()) {
                step(service + " on " + layout.services().get(service));
                startService(service);
            }
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** Starts (or restarts, after {@link #kill}) one service and waits until it is ready. */
    public void startService(String service) {
        startService(service, Map.of());
    }

    /** As {@link #startService(String)}, with extra environment for this start only. */
    public void startService(String service, Map<String, String> extraEnvironment) {
        int port = layout.services().get(service);
        Path directory = projectRoot.resolve(service);
        Path log = directory.resolve("target/local-run.log");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BCC_HTTP_PORT", Integer.toString(port));
        env.put("BCC_DB_URL", postgres.jdbcUrl(DATABASES.get(service)));
        env.put("BCC_DB_USER", DATABASES.get(service));
        env.put("BCC_DB_PASSWORD", dbPassword());
        env.put("BCC_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("BCC_OIDC_ISSUER", keycloak.issuer());
        env.put("BCC_SCHEMA_BASE", "http://127.0.0.1:" + port + "/schemas/events/");
        env.putAll(serviceSettings.getOrDefault(service, Map.of()));
        env.putAll(extraEnvironment);
        try {
            Files.createDirectories(log.getParent());
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // More JVM options for every service, for measurements (docs/benchmarks.md compares collectors with it).
        String javaOptions = System.getenv("BCC_SERVICE_JAVA_OPTS");
        List<String> measured = javaOptions == null || javaOptions.isBlank() ? List.of()
                : List.of(javaOptions.trim().split("\\s+"));
        List<String> command = new ArrayList<>(jvmCommand(serviceJvm, measured));
        Path application = jar(service).getParent();
        ClassDataArchive archive = ClassDataArchive.forApplication(application, serviceJvm);
        command.addAll(archive.jvmOptions());
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        ServerProcess process = ServerProcess.launch(service, command, env, application, log);
        services.put(service, new RunningService(process, archive));
        Readiness.await(process, Duration.ofSeconds(120),
                () -> Readiness.httpOk("http://127.0.0.1:" + port + "/q/health/ready"));
    }

    /**
     * The JVM and its options for a service, before the archive's and the jar. The initial heap is also the floor
     * below which G1 gives nothing back; a service at rest holds about 22 MB of live objects, so 32 MB, not 64,
     * lets its idle RSS fall under the 250 MB target (docs/benchmarks.md, start-up).
     */
    static List<String> jvmCommand(ServiceJvm jvm, List<String> measuredOptions) {
        List<String> command = new ArrayList<>(List.of(jvm.java(), "-Xms32m", "-Xmx512m"));
        command.addAll(jvm.options());
        command.addAll(idleHeapReturned(measuredOptions));
        command.addAll(measuredOptions);
        return command;
    }

    /**
     * Once a service has had no collection for 10 s, G1 runs one and returns to the system the heap beyond 30 %
     * free (docs/benchmarks.md, idle RSS); under load young collections come long before that. Left out when the
     * measured options choose a collector or heap ratios of their own, which these would contradict.
     */
    static List<String> idleHeapReturned(List<String> measuredOptions) {
        boolean ownChoice = measuredOptions.stream()
                .anyMatch(o -> o.matches("-XX:\\+Use\\w+GC") || o.contains("HeapFreeRatio") || o.contains("G1PeriodicGC"));
        return ownChoice ? List.of()
                : List.of("-XX:G1PeriodicGCInterval=10000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    }

    /** SIGKILL, as a crash would: for fault tests. */
    public void kill(String service) {
        RunningService running = services.remove(service);
        if (running != null) {
            running.process().kill();
            running.archive().finish(false);
        }
    }

    /** Stops one service as an operator would (SIGTERM), so that {@link #startService} can start it again. */
    public void stopService(String service) {
        RunningService running = services.remove(service);
        if (running != null) {
            // A recording run writes its class-data archive on the way out: seconds on a slow machine.
            running.archive().finish(running.process().stop(Duration.ofSeconds(30)));
        }
    }

    public synchronized void stop() {
        List<String> names = new ArrayList<>(services.keySet());
        try {
            for (int i = names.size() - 1; i >= 0; i--) {
                stopService(names.get(i));
            }
        } finally {
            stopInfrastructure(keycloak, kafka, postgres);
        }
        keycloak = null;
        kafka = null;
        postgres = null;
    }

    /** In the reverse order of start-up; any of them may be missing. */
    static void stopInfrastructure(KeycloakServer keycloak, KafkaBroker kafka, PostgresServer postgres) {
        if (keycloak != null) {
            keycloak.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.stop();
        }
    }

    /** The database a service owns (also its role's name). */
    public static String database(String service) {
        return DATABASES.get(service);
    }

    /** The process of a service this stack has running. */
    public ServerProcess process(String service) {
        return running(service).process();
    }

    /**
     * What the service's current run does with its class-data archive (see {@link ClassDataArchive}):
     * "recording", "used" (mapped by the JVM) or "not used".
     */
    public String classDataArchive(String service) {
        RunningService running = running(service);
        if (running.archive().recording()) {
            return "recording";
        }
        return running.archive().mappedBy(running.process().pid()) ? "used" : "not used";
    }

    /** The JVM the services run on. */
    public String serviceJvm() {
        return serviceJvm.describe();
    }

    private RunningService running(String service) {
        RunningService running = services.get(service);
        if (running == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return running;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + layout.services().get(service);
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    private void printSummary() {
        System.out.println();
        System.out.println("BCC local stack is up. Ctrl-C stops everything.");
        System.out.printf("  %-20s %s%n", "PostgreSQL", "127.0.0.1:" + postgres.port());
        System.out.printf("  %-20s %s%n", "Kafka", kafka.bootstrapServers());
        System.out.printf("  %-20s %s (admin console: %s/admin)%n", "Keycloak", keycloak.issuer(), keycloak.baseUrl());
        services.forEach((name, running) -> System.out.printf("  %-20s %s  pid %d, log %s%s%n", name, url(name),
                running.process().pid(), running.process().log(),
                running.archive().recording() ? " (recording its class-data archive on this run)" : ""));
        System.out.printf("  %-20s %s%n", "services run on", serviceJvm.describe());
        System.out.println("  Each service: /q/openapi (HTTP API), /asyncapi.yaml (events), /q/health, /q/metrics");
    }

    private Path jar(String service) {
        return projectRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static void step(String what) {
        System.out.println("Starting " + what);
    }

    private static String dbPassword() {
        String configured = System.getenv("BCC_DB_PASSWORD");
        return configured == null || configured.isBlank() ? "local-dev-only" : configured;
    }

    /** A service this stack started, with the class-data archive its start used or is recording. */
    private record RunningService(ServerProcess process, ClassDataArchive archive) {
    }
}
