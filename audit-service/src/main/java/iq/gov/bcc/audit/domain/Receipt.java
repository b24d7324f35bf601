package iq.gov.bcc.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A payment receipt as recorded at a crossing, with its amount converted to IQD when a rate is known. */
@Entity
@Table(name = "receipt")
public class Receipt extends PanacheEntityBase {

    @Id
    @Column(name = "receipt_id")
    public UUID receiptId;

    @Column(name = "receipt_number", nullable = false)
    public String receiptNumber;

    @Column(name = "crossing_code", nullable = false)
    public String crossingCode;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(name = "declaration_known", nullable = false)
    public boolean declarationKnown;

    @Column(nullable = false, precision = 21, scale = 3)
    public BigDecimal amount;

    @Column(nullable = false)
    public String currency;

    /** Null when no exchange rate for {@link #currency} was known at {@link #paidAt}. */
    @Column(name = "amount_iqd", precision = 21, scale = 3)
    public BigDecimal amountIqd;

    public String method;

    @Column(name = "paid_at", nullable = false)
    public OffsetDateTime paidAt;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static List<Receipt> ofDeclaration(UUID declarationId) {
        return list("declarationId = ?1 order by paidAt, receiptId", declarationId);
    }

    public static List<Receipt> withNumber(String receiptNumber) {
        return list("receiptNumber = ?1 order by paidAt, receiptId", receiptNumber);
    }
}
