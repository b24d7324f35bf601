package iq.gov.bcc.platform.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

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
}
