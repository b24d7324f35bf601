package iq.gov.bcc.declaration.domain;

/** What the inspector found: goods as declared, goods differing from the declaration, or goods seized. */
public enum InspectionOutcome {
    CONFORMS, NON_CONFORMING, SEIZED
}
