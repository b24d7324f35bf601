package iq.gov.bcc.tariff.domain;

/** Whom a measure applies to: every origin, a named group of countries, or one country. */
public enum OriginScope {
    ALL, GROUP, COUNTRY;

    /** Higher is more specific: a country measure beats a group one, a group one beats ALL. */
    public int specificity() {
        return ordinal();
    }
}
