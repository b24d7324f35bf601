package iq.gov.bcc.audit.domain;

/** Life of a case: raised OPEN, worked UNDER_REVIEW, decided CONFIRMED or DISMISSED, or CLOSED when later facts cured it. */
public enum DiscrepancyStatus {
    OPEN,
    UNDER_REVIEW,
    CONFIRMED,
    DISMISSED,
    CLOSED;

    public boolean isFinal() {
        return this == CONFIRMED || this == DISMISSED || this == CLOSED;
    }

    /** Automatic raise/cure only touches cases no auditor has decided. */
    public boolean isUndecided() {
        return this == OPEN || this == UNDER_REVIEW;
    }
}
