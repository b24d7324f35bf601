package iq.gov.bcc.audit.domain;

/** What an auditor decides about a discrepancy. */
public enum DecisionKind {
    REVIEW,
    CONFIRM,
    DISMISS
}
