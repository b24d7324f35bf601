package iq.gov.bcc.declaration.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Creation under a natural key (crossing + reference, crossing + receipt number) when retries can
 * race: the loser of a unique-key race does not fail, it replays against what the winner wrote.
 */
final class IdempotentWrite {

    private static final String UNIQUE_VIOLATION = "23505";

    private IdempotentWrite() {
    }

    static <T> T createOrReplay(Supplier<T> create, Supplier<T> replay) {
        try {
            return QuarkusTransaction.requiringNew().call(create::get);
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(replay::get);
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
