package iq.gov.bcc.simulator;

import iq.gov.bcc.client.audit.ApiException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * An auditor's reads of the audit service. The service may be restarting (an operator's restart,
 * or a fault the system tests inject), so no answer or a 502-504 is asked again until the patience
 * runs out, as an auditor would reload the page; any other refusal is final at once.
 */
final class AuditReads {

    @FunctionalInterface
    interface Read<T> {
        T run() throws ApiException;
    }

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
                    throw new IllegalStateException(what + ": HTTP " + e.getCode() + " "
                            + (e.getCode() == 0 ? e.getMessage() : e.getResponseBody()), e);
                }
                out.println("  the audit service did not answer " + what + " (HTTP " + e.getCode() + "); asking again");
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(what + ": interrupted while waiting for the audit service", e);
                }
            }
        }
    }

    private static boolean unavailable(int status) {
        return status == 0 || status == 502 || status == 503 || status == 504;
    }
}
