package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JVM options the local stack gives every service (LocalStack.jvmCommand). */
class ServiceJvmOptionsTest {

    @Test
    void idleHeapIsReturnedUnlessTheMeasuredOptionsChooseOtherwise() {
        assertThat(LocalStack.idleHeapReturned(List.of())).contains("-XX:G1PeriodicGCInterval=10000",
                "-XX:MaxHeapFreeRatio=30");
        assertThat(LocalStack.idleHeapReturned(List.of("-XX:StartFlightRecording=filename=/tmp/a.jfr"))).isNotEmpty();
        assertThat(LocalStack.idleHeapReturned(List.of("-XX:+UseSerialGC"))).isEmpty();
        assertThat(LocalStack.idleHeapReturned(List.of("-XX:MinHeapFreeRatio=40"))).isEmpty();
    }

    /**
     * Each set must start the JVM this one is and the JVM the stack chooses: a contradiction (a minimum free ratio
     * above the maximum, an option the JVM does not know) would not.
     */
    @ParameterizedTest
    @MethodSource("iq.gov.bcc.localstack.ClassDataArchiveTest#jvms")
    void theJvmStartsWithTheOptionsAddedOrLeftOut(ServiceJvm jvm) throws Exception {
        for (List<String> measured : List.of(List.<String>of(), List.of("-XX:MinHeapFreeRatio=40"),
                List.of("-XX:+UseSerialGC"))) {
            List<String> command = new ArrayList<>(LocalStack.jvmCommand(jvm, measured));
            command.add("-version");
            Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(java.getInputStream().readAllBytes());
            assertThat(java.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(java.exitValue()).as("%s: %s", command, output).isZero();
        }
    }
}
