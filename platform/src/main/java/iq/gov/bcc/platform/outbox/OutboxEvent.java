package iq.gov.bcc.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event waiting to be relayed. The identity is assigned by the database at insert time, while
 * the writer holds its aggregate's lock, so one aggregate's events are numbered in commit order.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false, columnDefinition = "text")
    public String topic;

    @Column(name = "message_key", nullable = false, columnDefinition = "text")
    public String messageKey;

    @Column(name = "event_type", nullable = false, columnDefinition = "text")
    public String eventType;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
