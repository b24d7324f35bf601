package iq.gov.bcc.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Remembers which events this service has already acted on, in the same transaction as the effect. */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * True the first time an event id is seen. A concurrent redelivery waits on the first one's row
     * lock and then sees false, so an effect is applied once however often the event arrives.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String eventType) {
        return entityManager.createNativeQuery(
                "INSERT INTO consumed_event (event_id, event_type) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, eventType)
                .executeUpdate() == 1;
    }

    /**
     * {@link #firstDelivery} for many events in one statement: returns the ids seen for the first time.
     * An id listed twice counts once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(List<Delivery> deliveries) {
        if (deliveries.isEmpty()) {
            return Set.of();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consumed_event (event_id, event_type) "
                    + "SELECT * FROM unnest(?::uuid[], ?::text[]) ON CONFLICT DO NOTHING RETURNING event_id")) {
                Array ids = connection.createArrayOf("uuid", deliveries.stream().map(Delivery::eventId).toArray());
                Array types = connection.createArrayOf("text", deliveries.stream().map(Delivery::eventType).toArray());
                insert.setArray(1, ids);
                insert.setArray(2, types);
                Set<UUID> first = new HashSet<>();
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        first.add(rows.getObject(1, UUID.class));
                    }
                }
                return first;
            }
        });
    }

    /** An event as the inbox remembers it. */
    public record Delivery(UUID eventId, String eventType) {
    }
}
