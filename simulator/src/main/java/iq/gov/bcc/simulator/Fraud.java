package iq.gov.bcc.simulator;

/**
 * The ways revenue leaks at the crossings, as the seed articles describe them, each played by the
 * simulator on a declaration chosen at random.
 */
public enum Fraud {
    /** After filing, an item is amended to a cheaper HS code (the commodity's name is changed). */
    RECLASSIFIED_AFTER_FILING,
    /** The declared weight is a quarter to a third below what the weighbridge reads. */
    WEIGHT_UNDER_DECLARED,
    /** Released at night, without any inspection. */
    NIGHT_RELEASE_UNINSPECTED,
    /** The receipt covers only part of the duty assessed, and the goods leave. */
    SHORT_RECEIPT,
    /** No receipt at all, and the goods leave. */
    MISSING_RECEIPT,
    /** A receipt number already used at another crossing is used again. */
    DUPLICATE_RECEIPT,
    /** A receipt names a declaration that was never filed. */
    ORPHAN_RECEIPT,
    /** An exemption is claimed under a licence revoked before lodgement. */
    REVOKED_LICENCE,
    /** An exemption licence is claimed for goods outside its HS scope. */
    OUT_OF_SCOPE_LICENCE,
    /** The customs value is 40 to 70 % below the usual value for the goods and origin. */
    UNDERVALUED,
    /** Transit goods enter, are released to travel on, and never exit at their exit crossing. */
    TRANSIT_NOT_EXITED,
    /** A declaration the RED lane selected for physical inspection is released uninspected. */
    RED_LANE_UNINSPECTED
}
