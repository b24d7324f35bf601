package iq.gov.bcc.declaration.domain;

/** The importer, exporter or carrier responsible for the declaration. */
public record Trader(String taxId, String name) {
}
