package iq.gov.bcc.declaration.service;

/** The result of a write that may have been a retry: {@code created} is false when nothing new was written. */
public record Outcome<T>(T value, boolean created) {
}
