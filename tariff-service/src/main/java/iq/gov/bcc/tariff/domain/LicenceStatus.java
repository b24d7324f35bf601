package iq.gov.bcc.tariff.domain;

public enum LicenceStatus {
    ACTIVE, REVOKED
}
