package iq.gov.bcc.declaration.domain;

import java.math.BigDecimal;

/** One line of a declaration version, exactly as declared. */
public record DeclaredItem(int line, String hsCode, String description, BigDecimal quantity, String unit,
        BigDecimal netWeightKg, BigDecimal grossWeightKg, Money customsValue, String exemptionLicence) {
}
