package iq.gov.bcc.tariff.domain;

/** Why an exemption named on an item was not applied, judged at the declaration's lodgement. */
public enum ExemptionRefusal {
    UNKNOWN, NOT_YET_VALID, EXPIRED, REVOKED, OUT_OF_SCOPE, OVER_QUOTA, HOLDER_MISMATCH
}
