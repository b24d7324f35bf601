package iq.gov.bcc.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import iq.gov.bcc.client.audit.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AuditReadsTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final AuditReads reads = new AuditReads(Duration.ofMillis(300), Duration.ofMillis(10),
            new PrintStream(printed, true, StandardCharsets.UTF_8));

    @Test
    void aServiceThatIsRestartingIsAskedAgainUntilItAnswers() {
        AtomicInteger asked = new AtomicInteger();
        String answer = reads.read("correlation of X", () -> switch (asked.incrementAndGet()) {
            case 1 -> throw new ApiException(new ConnectException("Connection refused"));
            case 2 -> throw new ApiException(503, null, "{\"status\":503}");
            default -> "the story";
        });

        assertThat(answer).isEqualTo("the story");
        assertThat(asked).hasValue(3);
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("unavailable for correlation of X (HTTP 0)", "(HTTP 503)");
    }

    @Test
    void retryAfterIsWaitedFor() {
        AtomicInteger asked = new AtomicInteger();
        HttpHeaders retryAfterOneSecond = HttpHeaders.of(Map.of("Retry-After", List.of("1")), (name, value) -> true);
        long started = System.nanoTime();
        String answer = reads.read("revenue", () -> {
            if (asked.incrementAndGet() == 1) {
                throw new ApiException(503, retryAfterOneSecond, "{\"status\":503}");
            }
            return "the report";
        });

        assertThat(answer).isEqualTo("the report");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRefusalOrADefectIsFinalAtOnce() {
        for (int status : new int[] {403, 500}) {
            AtomicInteger asked = new AtomicInteger();
            assertThatThrownBy(() -> reads.read("discrepancies", () -> {
                asked.incrementAndGet();
                throw new ApiException(status, null, "{\"status\":" + status + "}");
            })).isInstanceOf(IllegalStateException.class)
                    .hasMessage("the audit service, discrepancies: HTTP " + status + " {\"status\":" + status + "}");
            assertThat(asked).hasValue(1);
        }
    }

    @Test
    void aServiceThatNeverComesBackIsReportedWhenThePatienceRunsOut() {
        AtomicInteger asked = new AtomicInteger();
        long started = System.nanoTime();
        assertThatThrownBy(() -> reads.read("revenue", () -> {
            asked.incrementAndGet();
            throw new ApiException(new ConnectException("Connection refused"));
        })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("the audit service, revenue: HTTP 0");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(asked.get()).isGreaterThan(1);
    }
}
