package iq.gov.bcc.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Keycloak from the distribution zip on Maven Central, in dev mode with an in-memory database that
 * imports the {@code bcc} realm on every start. The unpacked distribution is cached; each running
 * instance holds a lock on its own copy, because Keycloak writes into its home while it runs.
 */
public final class KeycloakServer {

    public static final String REALM = "bcc";
    private static final int SLOTS = 4;

    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Path home;
    private ServerProcess process;

    private KeycloakServer(int port, FileChannel lockChannel, FileLock lock, Path home) {
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.home = home;
    }

    public static KeycloakServer start(int port) {
        KeycloakServer server = claimHome(port);
        server.startServer();
        return server;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer every token carries; services must be configured with exactly this URL. */
    public String issuer() {
        return baseUrl() + "/realms/" + REALM;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public void stop() {
        try {
            if (process != null) {
                process.stop(Duration.ofSeconds(20));
            }
        } finally {
            try {
                lock.release();
                lockChannel.close();
            } catch (IOException e) {
                System.err.println("could not release the Keycloak home lock: " + e.getMessage());
            }
        }
    }

    private void startServer() {
        try {
            Path importDirectory = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(importDirectory.resolve("bcc-realm.json"), Distributions.realmJson(),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = home.resolve("server.log");
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ServerProcess.launch("keycloak:" + port,
                List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--db=dev-mem",
                        "--http-host=127.0.0.1", "--http-port=" + port,
                        "--hostname=" + baseUrl(), "--import-realm", "--log-level=warn,org.keycloak.services:info"),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser(),
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword(),
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m",
                        "JAVA_HOME", System.getProperty("java.home")),
                home, log);
        Readiness.await(process, Duration.ofSeconds(180),
                () -> Readiness.httpOk(issuer() + "/.well-known/openid-configuration"));
    }

    private static KeycloakServer claimHome(int port) {
        String version = Distributions.property("keycloak.version");
        Path base = Workspace.cacheDirectory().resolve("keycloak-" + version);
        try {
            Files.createDirectories(base);
            for (int slot = 0; slot < SLOTS; slot++) {
                FileChannel channel = FileChannel.open(base.resolve("slot-" + slot + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (java.nio.channels.OverlappingFileLockException heldByThisJvm) {
                    lock = null;
                }
                if (lock == null) {
                    channel.close();
                    continue;
                }
                Path home = base.resolve("slot-" + slot);
                if (!Files.exists(home.resolve("bin/kc.sh"))) {
                    unpack(Path.of(Distributions.property("keycloak.zip")), home);
                }
                return new KeycloakServer(port, channel, lock, home);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(SLOTS + " Keycloak instances already run from " + base);
    }

    /** Unpacks the distribution without its top-level folder, keeping the scripts executable. */
    private static void unpack(Path zip, Path home) throws IOException {
        if (!Files.exists(zip)) {
            throw new IllegalStateException("Keycloak distribution not found at " + zip
                    + ": build bcc-distributions first (./mvnw install -DskipTests)");
        }
        Path staging = Files.createTempDirectory(home.getParent(), "unpacking-");
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = staging.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(staging)) {
                    throw new IOException("zip entry outside the target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                if (name.endsWith(".sh")) {
                    target.toFile().setExecutable(true);
                }
            }
        }
        Workspace.delete(home);
        Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The master realm's administrator, for the admin API (tests create short-lived clients with it). */
    static String adminUser() {
        return env("BCC_KEYCLOAK_ADMIN", "admin");
    }

    static String adminPassword() {
        return env("BCC_KEYCLOAK_ADMIN_PASSWORD", "local-dev-only-admin");
    }

    /** The token endpoint of the master realm, whose tokens no service may accept. */
    public String masterTokenEndpoint() {
        return baseUrl() + "/realms/master/protocol/openid-connect/token";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
