package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a stop reports: a class-data archive is kept only after a clean one. */
class ServerProcessTest {

    @TempDir
    Path directory;

    @Test
    void aServerThatExitsOnTheSignalStoppedCleanly() {
        assertThat(server("trap 'exit 143' TERM").stop(Duration.ofSeconds(10))).isTrue();
        assertThat(server("trap 'exit 0' TERM").stop(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aServerThatFailsOnTheWayOutDidNotStopCleanly() {
        assertThat(server("trap 'exit 1' TERM").stop(Duration.ofSeconds(10))).isFalse();
    }

    @Test
    void aServerThatHadToBeKilledDidNotStopCleanly() {
        ServerProcess server = server("trap '' TERM");
        assertThat(server.stop(Duration.ofMillis(500))).isFalse();
        assertThat(server.isAlive()).isFalse();
    }

    /** A shell that handles SIGTERM as {@code trap} says, and says when it is ready to. */
    private ServerProcess server(String trap) {
        Path log = directory.resolve("server-" + System.nanoTime() + ".log");
        ServerProcess server = ServerProcess.launch("server", List.of("sh", "-c",
                trap + "; echo ready; while true; do sleep 0.1; done"), Map.of(), directory, log);
        Readiness.await(server, Duration.ofSeconds(10), () -> Readiness.logContains(server, "ready"));
        return server;
    }
}
