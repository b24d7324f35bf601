package iq.gov.bcc.tariff.domain;

/** What a specific duty is charged on: the item's net weight in kg, or its quantity in units. */
public enum SpecificUnit {
    KG, UNIT
}
