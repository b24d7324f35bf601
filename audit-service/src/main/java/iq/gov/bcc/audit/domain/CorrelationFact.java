package iq.gov.bcc.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One consumed event about a declaration, kept verbatim (its {@code data}) in arrival order. */
@Entity
@Table(name = "correlation_fact")
public class CorrelationFact extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "declaration_id", nullable = false)
    public UUID declarationId;

    @Column(nullable = false)
    public String topic;

    @Column(name = "event_type", nullable = false)
    public String eventType;

    @Column(name = "crossing_code")
    public String crossingCode;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(nullable = false)
    public String data;

    public static List<CorrelationFact> of(UUID declarationId) {
        return list("declarationId = ?1 order by id", declarationId);
    }
}
