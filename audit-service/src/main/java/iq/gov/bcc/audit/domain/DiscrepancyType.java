package iq.gov.bcc.audit.domain;

/** The discrepancy types of the public contract (DESIGN.md); the names are fixed. */
public enum DiscrepancyType {
    UNPAID_RELEASE,
    UNDERPAYMENT,
    ORPHAN_PAYMENT,
    DUPLICATE_RECEIPT,
    WEIGHT_MISMATCH,
    POST_FILING_RECLASSIFICATION,
    INVALID_EXEMPTION,
    OFF_HOURS_RELEASE,
    UNIT_VALUE_OUTLIER,
    RED_LANE_NOT_INSPECTED,
    TRANSIT_NOT_DISCHARGED
}
