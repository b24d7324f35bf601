package iq.gov.bcc.declaration.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A payment receipt issued at a crossing. Receipt numbers are unique per crossing; a receipt that
 * names a declaration this service does not know is still recorded, for the auditors.
 */
@Entity
@Table(name = "payment_receipt")
public class PaymentReceipt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "crossing_code", nullable = false)
    public String crossingCode;

    @Column(name = "receipt_number", nullable = false)
    public String receiptNumber;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(name = "declaration_known", nullable = false)
    public boolean declarationKnown;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PaymentMethod method;

    @Column(name = "paid_at", nullable = false)
    public OffsetDateTime paidAt;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static Optional<PaymentReceipt> byNumber(String crossingCode, String receiptNumber) {
        return find("crossingCode = ?1 and receiptNumber = ?2", crossingCode, receiptNumber).firstResultOptional();
    }

    public Money money() {
        return new Money(amount, currency);
    }
}
