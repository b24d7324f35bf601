package iq.gov.bcc.tariff.domain;

/** Ad valorem (% of customs value), specific (IQD per kg or unit), or compound (both added). */
public enum DutyType {
    AD_VALOREM, SPECIFIC, COMPOUND
}
