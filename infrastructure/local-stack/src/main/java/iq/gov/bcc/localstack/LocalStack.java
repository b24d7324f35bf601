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
 * The whole system on one machine: PostgreSQL, Kafka and Keycloak, then the three services, each a
 * separate process on the documented ports. Ctrl-C (or SIGTERM) stops everything it started.
 * Every port can be moved with an environment variable (see README).
 */
public final class LocalStack {

    record Service(String name, int port, String database) {
    }

    private final Path projectRoot;
    private final List<ServerProcess> services = new ArrayList<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakServer keycloak;

    LocalStack(Path projectRoot) {
        this.projectRoot = projectRoot;
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("bcc.home", ".")).toAbsolutePath().normalize();
        LocalStack stack = new LocalStack(root);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the BCC local stack...");
            stack.stop();
            stopped.countDown();
        }, "bcc-local-stack-stop"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println("The local stack did not start: " + e.getMessage());
            System.exit(1);
        }
        stack.printSummary();
        stopped.await();
    }

    void start() {
        int pgPort = port("BCC_PG_PORT", 5432);
        int kafkaPort = port("BCC_KAFKA_PORT", 9092);
        int controllerPort = port("BCC_KAFKA_CONTROLLER_PORT", 9093);
        int keycloakPort = port("BCC_KEYCLOAK_PORT", 8180);
        List<Service> all = List.of(
                new Service("declaration-service", port("BCC_DECLARATION_PORT", 8081), "bcc_declaration"),
                new Service("tariff-service", port("BCC_TARIFF_PORT", 8082), "bcc_tariff"),
                new Service("audit-service", port("BCC_AUDIT_PORT", 8083), "bcc_audit"));
        // BCC_SERVICES picks a subset, e.g. for a benchmark of one service; all three by default.
        String only = System.getenv("BCC_SERVICES");
        List<Service> wanted = only == null || only.isBlank() ? all
                : all.stream().filter(s -> List.of(only.split("\\s*,\\s*")).contains(s.name())).toList();
        List<Integer> ports = new ArrayList<>(List.of(pgPort, kafkaPort, controllerPort, keycloakPort));
        wanted.forEach(s -> ports.add(s.port()));
        for (int port : ports) {
            if (Readiness.portOpen(port)) {
                throw new IllegalStateException("port " + port + " is already in use; stop what holds it or move "
                        + "this stack with the BCC_*_PORT variables (see README)");
            }
        }
        for (Service service : wanted) {
            Path jar = jar(service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
            }
        }

        step("PostgreSQL on " + pgPort);
        postgres = PostgresServer.start(pgPort, true);
        wanted.forEach(s -> postgres.createDatabase(s.database(), s.database(), dbPassword()));
        step("Kafka on " + kafkaPort);
        kafka = KafkaBroker.start(kafkaPort, controllerPort, 6);
        step("Keycloak on " + keycloakPort + " (about 30 s the first time)");
        keycloak = KeycloakServer.start(keycloakPort);
        for (Service service : wanted) {
            step(service.name() + " on " + service.port());
            services.add(startService(service));
        }
    }

    private ServerProcess startService(Service service) {
        Path directory = projectRoot.resolve(service.name());
        Path log = directory.resolve("target/local-run.log");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("BCC_HTTP_PORT", Integer.toString(service.port()));
        env.put("BCC_DB_URL", postgres.jdbcUrl(service.database()));
        env.put("BCC_DB_USER", service.database());
        env.put("BCC_DB_PASSWORD", dbPassword());
        env.put("BCC_KAFKA_BOOTSTRAP", kafka.bootstrapServers());
        env.put("BCC_OIDC_ISSUER", keycloak.issuer());
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerProcess process = ServerProcess.launch(service.name(),
                List.of(KafkaBroker.java(), "-Xms64m", "-Xmx512m", "-jar", jar(service).toString()),
                env, directory, log);
        Readiness.await(process, Duration.ofSeconds(90),
                () -> Readiness.httpOk("http://127.0.0.1:" + service.port() + "/q/health/ready"));
        return process;
    }

    synchronized void stop() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop(Duration.ofSeconds(20));
        }
        services.clear();
        if (keycloak != null) {
            keycloak.stop();
            keycloak = null;
        }
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (postgres != null) {
            postgres.stop();
            postgres = null;
        }
    }

    private void printSummary() {
        System.out.println();
        System.out.println("BCC local stack is up. Ctrl-C stops everything.");
        System.out.printf("  %-20s %s%n", "PostgreSQL", "127.0.0.1:" + postgres.port());
        System.out.printf("  %-20s %s%n", "Kafka", kafka.bootstrapServers());
        System.out.printf("  %-20s %s (admin console: %s/admin)%n", "Keycloak", keycloak.issuer(), keycloak.baseUrl());
        for (ServerProcess service : services) {
            System.out.printf("  %-20s pid %d, log %s%n", service.name(), service.pid(), service.log());
        }
        System.out.println("  OpenAPI documents: /q/openapi on each service; event schemas: /asyncapi.yaml");
    }

    private Path jar(Service service) {
        return projectRoot.resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static void step(String what) {
        System.out.println("Starting " + what);
    }

    private static String dbPassword() {
        String configured = System.getenv("BCC_DB_PASSWORD");
        return configured == null || configured.isBlank() ? "local-dev-only" : configured;
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
