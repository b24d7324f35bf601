package iq.gov.bcc.declaration.domain;

/** The kind of control actually carried out: none beyond release (GREEN), documents (YELLOW), physical (RED). */
public enum InspectionChannel {
    GREEN, YELLOW, RED
}
