package iq.gov.bcc.declaration.rest.api;

/** Shapes of the text fields of the contract, in one place. */
final class Patterns {

    /** A positive decimal string with at most 15 integer and 3 fraction digits. */
    static final String AMOUNT = "(?!0+(\\.0+)?$)\\d{1,15}(\\.\\d{1,3})?";
    static final String AMOUNT_MESSAGE = "must be a positive decimal string such as \"13200.50\" (at most 15 digits, 3 decimals)";
    static final String HS_CODE = "\\d{6}(\\d{2}|\\d{4})?";
    static final String HS_CODE_MESSAGE = "must be an HS code of 6 digits, or a national code of 8 or 10 digits";
    static final String IDENTIFIER = "[A-Za-z0-9][A-Za-z0-9/_.-]*";
    static final String IDENTIFIER_MESSAGE = "may contain only letters, digits and / _ . -";

    private Patterns() {
    }
}
