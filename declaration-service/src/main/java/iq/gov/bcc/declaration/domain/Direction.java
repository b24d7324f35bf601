package iq.gov.bcc.declaration.domain;

/** Which way the goods cross. A transit enters at one crossing and must leave at its exit crossing by a deadline. */
public enum Direction {
    IMPORT, EXPORT, TRANSIT
}
