package iq.gov.bcc.tariff.domain;

/** Investment licence, state or institutional exemption, or another legal ground. */
public enum LicenceKind {
    INVESTMENT, STATE, INSTITUTIONAL, OTHER
}
