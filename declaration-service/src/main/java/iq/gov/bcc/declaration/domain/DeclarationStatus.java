package iq.gov.bcc.declaration.domain;

/** Where a declaration stands. DISCHARGED: a transit that has left at its exit crossing. */
public enum DeclarationStatus {
    FILED, RELEASED, DISCHARGED
}
