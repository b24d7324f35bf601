package iq.gov.bcc.declaration;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What one logger of the service under test writes while a test runs (the test and the service share a JVM). */
final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger) {
        this.logger = logger;
    }

    /** Starts listening; close() stops. */
    static LogRecords of(String loggerName) {
        LogRecords listener = new LogRecords(Logger.getLogger(loggerName));
        listener.logger.addHandler(listener);
        return listener;
    }

    /** "LEVEL logger: message" of every record at the given level or above, so far. */
    List<String> atOrAbove(Level level) {
        return records.stream().filter(r -> r.getLevel().intValue() >= level.intValue())
                .map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage()).toList();
    }

    /** "LEVEL logger: message" of every record so far. */
    List<String> all() {
        return atOrAbove(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
