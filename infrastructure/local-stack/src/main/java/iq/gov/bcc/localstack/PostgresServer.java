package iq.gov.bcc.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster from the machine's binaries (Debian's postgresql package), on its
 * own port and data directory. initdb refuses to run as root, so as root it runs as the
 * {@code postgres} OS user.
 */
public final class PostgresServer {

    public static final String SUPERUSER = "postgres";

    private final Path binDirectory;
    private final Path directory;
    private final int port;
    private final boolean durable;
    private ServerProcess process;

    private PostgresServer(Path binDirectory, Path directory, int port, boolean durable) {
        this.binDirectory = binDirectory;
        this.directory = directory;
        this.port = port;
        this.durable = durable;
    }

    /**
     * Creates a cluster in a new directory and starts it. {@code durable=false} turns fsync off,
     * which is right for tests and wrong for benchmarks.
     */
    public static PostgresServer start(int port, boolean durable) {
        Path binDirectory = findBinDirectory();
        Path directory = Workspace.newDirectory("postgres");
        PostgresServer server = new PostgresServer(binDirectory, directory, port, durable);
        server.initialise();
        server.startCluster();
        return server;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a role that owns a new database: one per service, as in production. */
    public void createDatabase(String database, String owner, String password) {
        psql("postgres", "CREATE ROLE \"" + owner + "\" LOGIN PASSWORD '" + password.replace("'", "''") + "'");
        psql("postgres", "CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\" ENCODING 'UTF8'");
    }

    /** Drops a service's database and creates it empty again, for replay from the topics. */
    public void recreateDatabase(String database, String owner) {
        psql("postgres", "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
        psql("postgres", "CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\" ENCODING 'UTF8'");
    }

    public String psql(String database, String sql) {
        return ServerProcess.run(List.of(binDirectory.resolve("psql").toString(), "-X", "-q", "-t", "-A",
                "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", SUPERUSER, "-d", database,
                "-v", "ON_ERROR_STOP=1", "-c", sql)).trim();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the cluster, keeping its data: {@link #restart()} brings the same data back. */
    public void stopServer() {
        if (process != null) {
            process.stop(Duration.ofSeconds(30));
        }
    }

    public void restart() {
        stopServer();
        startCluster();
    }

    /** Stops the cluster and deletes its directory. */
    public void stop() {
        stopServer();
        Workspace.delete(directory);
    }

    private void initialise() {
        Path data = directory.resolve("data");
        List<String> command = new ArrayList<>(asServiceUser());
        command.addAll(List.of(binDirectory.resolve("initdb").toString(), "-D", data.toString(),
                "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"));
        ServerProcess.run(command);
    }

    private void startCluster() {
        Path data = directory.resolve("data");
        Path log = directory.resolve("server.log");
        String options = "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1"
                + " -c max_connections=200"
                + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
                // For diagnostics, e.g. benchmarks/audit-intake.sh's statement statistics.
                + (System.getenv("BCC_PG_OPTIONS") == null ? "" : " " + System.getenv("BCC_PG_OPTIONS"));
        List<String> command = new ArrayList<>();
        command.add("setsid");
        command.addAll(asServiceUser());
        command.addAll(List.of(binDirectory.resolve("pg_ctl").toString(), "-D", data.toString(),
                "-l", log.toString(), "-w", "-t", "60", "-o", options, "start"));
        ServerProcess.run(command);
        long pid = readPostmasterPid(data);
        // SIGINT is PostgreSQL's fast shutdown: it does not wait for pooled clients to leave.
        process = ServerProcess.adopt("postgresql:" + port, pid, "INT", log);
        Readiness.await(process, Duration.ofSeconds(30), () -> Readiness.portOpen(port));
    }

    private static long readPostmasterPid(Path data) {
        try {
            return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL started but left no postmaster.pid in " + data, e);
        }
    }

    private List<String> asServiceUser() {
        return Workspace.runningAsRoot() ? List.of("runuser", "-u", "postgres", "--") : List.of();
    }

    /** BCC_PG_BIN, else the newest /usr/lib/postgresql/N/bin, else whatever pg_config names. */
    static Path findBinDirectory() {
        String configured = System.getenv("BCC_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions
                        .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (newest.isPresent()) {
                    return newest.get().resolve("bin");
                }
            } catch (IOException ignored) {
                // fall through to pg_config
            }
        }
        try {
            return Path.of(ServerProcess.run(List.of("pg_config", "--bindir")).trim());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("PostgreSQL server binaries not found: install Debian's postgresql "
                    + "package (apt-get install -y postgresql) or set BCC_PG_BIN", e);
        }
    }

    private static int majorVersion(Path versionDirectory) {
        String name = versionDirectory.getFileName().toString();
        return Arrays.stream(name.split("\\.")).findFirst().filter(s -> s.chars().allMatch(Character::isDigit))
                .map(Integer::parseInt).orElse(0);
    }
}
