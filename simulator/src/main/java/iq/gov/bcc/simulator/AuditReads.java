package iq.gov.bcc.simulator;

import iq.gov.bcc.client.audit.ApiException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * An auditor's reads of the audit service. The service may be restarting (an operator's restart,
 * or a fault the system tests inject) or briefly without its database, so no answer, 429 and
 * 502-504 are asked again, after Retry-After when the service gives one, until the patience runs
 * out, as an auditor would reload the page. Any other status is final at once: a read that fails
 * with 500 is a defect to report, not to wait out.
 */
final class AuditReads {

    @FunctionalInterface
    interface Read<T> {
        T run() throws ApiException;
    }

    private static final long MAX_RETRY_AFTER_SECONDS = 30;

    private final Duration patience;
    private final Duration pause;
    private final PrintStream out;

    AuditReads(Duration patience, Duration pause, PrintStream out) {
        this.patience = patience;
        this.pause = pause;
        this.out = out;
    }

    <T> T read(String what, Read<T> call) {
        Instant giveUp = Instant.now().plus(patience);
        while (true) {
            try {
                return call.run();
            } catch (ApiException e) {
                if (!unavailable(e.getCode()) || Instant.now().isAfter(giveUp)) {
                    throw new IllegalStateException("the audit service, " + what + ": HTTP " + e.getCode() + " "
                            + (e.getCode() == 0 ? e.getMessage() : e.getResponseBody()), e);
                }
                out.println("  the audit service was unavailable for " + what + " (HTTP " + e.getCode() + "); asking again");
                long retryAfter = e.getResponseHeaders() == null ? 0
                        : e.getResponseHeaders().firstValueAsLong("Retry-After").orElse(0);
                try {
                    Thread.sleep(Math.max(pause.toMillis(), Math.min(retryAfter, MAX_RETRY_AFTER_SECONDS) * 1000));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(what + ": interrupted while waiting for the audit service", e);
                }
            }
        }
    }

    private static boolean unavailable(int status) {
        return status == 0 || status == 429 || status == 502 || status == 503 || status == 504;
    }
}
