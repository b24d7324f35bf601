package iq.gov.bcc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import iq.gov.bcc.client.audit.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuditReadsTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AuditReads reads = new AuditReads(Duration.ofSeconds(2), Duration.ofMillis(10),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void aServiceThatIsRestartingIsAskedAgainUntilItAnswers() {
        AtomicInteger asked = new AtomicInteger();
        String answer = reads.read("correlation of X", () -> switch (asked.incrementAndGet()) {
            case 1 -> throw new ApiException(new java.net.ConnectException("Connection refused"));
            case 2 -> throw new ApiException(503, null, "{\"status\":503}");
            default -> "the story";
        });

        assertThat(answer).isEqualTo("the story");
        assertThat(asked).hasValue(3);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("correlation of X (HTTP 0)", "(HTTP 503)");
    }

    @Test
    void aRefusalIsFinalAtOnce() {
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> reads.read("discrepancies", () -> {
            asked.incrementAndGet();
            throw new ApiException(403, null, "{\"title\":\"Forbidden\"}");
        })).isInstanceOf(IllegalStateException.class).hasMessage("discrepancies: HTTP 403 {\"title\":\"Forbidden\"}");
        assertThat(asked).hasValue(1);
    }

    @Test
    void aServiceThatNeverComesBackIsReportedWhenThePatienceRunsOut() {
        AtomicInteger asked = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> reads.read("revenue", () -> {
            asked.incrementAndGet();
            throw new ApiException(new java.net.ConnectException("Connection refused"));
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("revenue: HTTP 0");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(asked.get()).isGreaterThan(1);
    }
}
