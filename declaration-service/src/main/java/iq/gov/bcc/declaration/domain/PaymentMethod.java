package iq.gov.bcc.declaration.domain;

/** How a receipt was paid. */
public enum PaymentMethod {
    CASH, TRANSFER
}
