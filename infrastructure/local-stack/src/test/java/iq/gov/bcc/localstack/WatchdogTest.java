package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A launcher JVM that dies by SIGKILL must not leave its servers running. */
class WatchdogTest {

    /** Run in a child JVM: starts a long-lived server process, prints its pid, then waits to be killed. */
    public static void main(String[] args) throws Exception {
        Path directory = Files.createTempDirectory("bcc-watchdog-");
        ServerProcess server = ServerProcess.launch("sleeper", List.of("sleep", "600"), Map.of(), directory,
                directory.resolve("sleeper.log"));
        System.out.println(server.pid());
        System.out.flush();
        Thread.sleep(600_000);
    }

    @Test
    void serverDiesWhenItsLauncherIsKilled() throws Exception {
        Process launcher = new ProcessBuilder(KafkaBroker.java(), "-cp", System.getProperty("java.class.path"),
                WatchdogTest.class.getName()).redirectErrorStream(true).start();
        long serverPid;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream()))) {
            serverPid = Long.parseLong(out.readLine().trim());
            assertThat(ProcessHandle.of(serverPid)).isPresent();

            launcher.destroyForcibly().waitFor();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(ProcessHandle.of(serverPid).map(ProcessHandle::isAlive).orElse(false))
                .as("server %d outlived its killed launcher", serverPid).isFalse();
    }
}
