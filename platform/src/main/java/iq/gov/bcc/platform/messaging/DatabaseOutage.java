package iq.gov.bcc.platform.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * A failure that is the database's, not the event's: connection refused or broken, or no connection
 * within the pool's acquisition timeout. A consumer that meets one must not dead-letter a good event;
 * it waits and tries the same event again, holding its place in the partition, until the database is
 * back.
 */
public final class DatabaseOutage {

    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private DatabaseOutage() {
    }

    /** Whether the database being unreachable is the cause of this failure. */
    public static boolean isCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // Class 08 is "connection exception"; 57P01-57P03 are an administrator or crash shutting the server.
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT).contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Runs the work, and runs it again after a pause for as long as it fails because the database is
     * unreachable; any other failure is the caller's to handle.
     */
    public static void retrying(String what, Runnable work) {
        Duration pause = Duration.ofMillis(500);
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                if (attempt > 1) {
                    LOG.infof("%s done after the database came back (attempt %d)", what, attempt);
                }
                return;
            } catch (RuntimeException e) {
                if (!isCause(e)) {
                    throw e;
                }
                LOG.warnf("%s waits for the database (attempt %d): %s", what, attempt, e.getMessage());
            }
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", interrupted);
            }
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }
}
