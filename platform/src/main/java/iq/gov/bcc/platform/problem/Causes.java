package iq.gov.bcc.platform.problem;

/** The problem mappers look through wrapped exceptions for the one that says what happened. */
final class Causes {

    private Causes() {
    }

    /** The first exception of the given type in the chain of causes, or null. */
    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
