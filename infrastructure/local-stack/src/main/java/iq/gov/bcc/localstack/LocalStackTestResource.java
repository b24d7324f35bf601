package iq.gov.bcc.localstack;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gives a service under test real PostgreSQL, Kafka and Keycloak. Arguments: {@code database} (the
 * service's database and role name), {@code servers} (a comma list of postgres, kafka, keycloak;
 * all three by default) and {@code postgres} ({@code shared}, the default, or {@code dedicated}).
 * Servers are shared by every test in the JVM and stopped when it exits; a dedicated PostgreSQL is
 * this resource's alone, stopped with it, and injected into the test's {@link PostgresServer} fields,
 * so a test may stop and restart it without disturbing the others.
 */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    private static final Set<String> CREATED_DATABASES = new java.util.HashSet<>();

    private String database = "bcc_test";
    private Set<String> servers = Set.of("postgres", "kafka", "keycloak");
    private boolean dedicatedPostgres;
    private PostgresServer dedicated;

    @Override
    public void init(Map<String, String> args) {
        database = args.getOrDefault("database", database);
        if (args.containsKey("servers")) {
            servers = Set.of(args.get("servers").split("\\s*,\\s*"));
        }
        dedicatedPostgres = "dedicated".equals(args.get("postgres"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        if (servers.contains("postgres")) {
            config.putAll(database());
        }
        if (servers.contains("kafka")) {
            config.put("kafka.bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        }
        if (servers.contains("keycloak")) {
            KeycloakServer keycloak = TestInfrastructure.keycloak();
            config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
            config.put("bcc.test.keycloak.token-endpoint", keycloak.tokenEndpoint());
        }
        return config;
    }

    private Map<String, String> database() {
        if (TestInfrastructure.externalDatabase()) {
            return Map.of("quarkus.datasource.jdbc.url", System.getenv("BCC_TEST_JDBC_URL"),
                    "quarkus.datasource.username", System.getenv().getOrDefault("BCC_TEST_DB_USER", "postgres"),
                    "quarkus.datasource.password", System.getenv().getOrDefault("BCC_TEST_DB_PASSWORD", ""));
        }
        PostgresServer postgres;
        if (dedicatedPostgres) {
            dedicated = PostgresServer.start(FreePorts.next(), false);
            postgres = dedicated;
            postgres.createDatabase(database, database, "local-dev-only");
        } else {
            postgres = TestInfrastructure.postgres();
            synchronized (CREATED_DATABASES) {
                if (CREATED_DATABASES.add(database)) {
                    postgres.createDatabase(database, database, "local-dev-only");
                }
            }
        }
        return Map.of("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", database,
                "quarkus.datasource.password", "local-dev-only");
    }

    @Override
    public void inject(TestInjector injector) {
        if (dedicated != null) {
            injector.injectIntoFields(dedicated, new TestInjector.MatchesType(PostgresServer.class));
        }
    }

    @Override
    public void stop() {
        // Shared servers outlive one application start: TestInfrastructure stops them when the JVM exits.
        if (dedicated != null) {
            dedicated.stop();
            dedicated = null;
        }
    }
}
