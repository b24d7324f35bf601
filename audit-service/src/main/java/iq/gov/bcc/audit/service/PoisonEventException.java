package iq.gov.bcc.audit.service;

/** An event that can never be processed (not JSON, not a CloudEvent, missing a required field): it goes to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message) {
        super(message);
    }

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
