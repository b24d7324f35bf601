package iq.gov.bcc.localstack;


/**
 * The servers one test JVM shares: started on free ports the first time a test asks, stopped by pid
 * when the JVM exits (and by each server's watchdog if it is killed). An external PostgreSQL named by
 * {@code BCC_TEST_JDBC_URL} replaces the local cluster.
 */
public final class TestInfrastructure {

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static KeycloakServer keycloak;
    private static boolean hookInstalled;

    private TestInfrastructure() {
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            installShutdownHook();
            postgres = PostgresServer.start(FreePorts.next(), false);
        }
        return postgres;
    }

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            installShutdownHook();
            kafka = KafkaBroker.start(FreePorts.next(), FreePorts.next(), 3);
        }
        return kafka;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            installShutdownHook();
            keycloak = KeycloakServer.start(FreePorts.next());
        }
        return keycloak;
    }

    public static boolean externalDatabase() {
        String url = System.getenv("BCC_TEST_JDBC_URL");
        return url != null && !url.isBlank();
    }

    public static synchronized void stopAll() {
        LocalStack.stopInfrastructure(keycloak, kafka, postgres);
        keycloak = null;
        kafka = null;
        postgres = null;
    }

    private static void installShutdownHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "bcc-test-infrastructure-stop"));
            hookInstalled = true;
        }
    }

}
