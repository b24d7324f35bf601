package iq.gov.bcc.audit.messaging;

import static iq.gov.bcc.platform.event.EventCatalog.ASSESSMENTS;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATIONS;
import static iq.gov.bcc.platform.event.EventCatalog.PAYMENTS;
import static iq.gov.bcc.platform.event.EventCatalog.TARIFFS;

import io.smallrye.reactive.messaging.annotations.Blocking;
import iq.gov.bcc.audit.service.EventIntake;
import iq.gov.bcc.platform.messaging.DatabaseOutage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * One consumer per topic (group audit-service). Each record is taken in its own transaction by
 * {@link EventIntake}; a failure rolls it back and the record goes to bcc.deadletter.audit-service.v1
 * with the reason in its headers, unless the failure is the database being unreachable: then the same
 * record is tried again until it is back. Offsets are committed only after the record is processed.
 */
@ApplicationScoped
public class EventConsumers {

    private final EventIntake intake;

    EventConsumers(EventIntake intake) {
        this.intake = intake;
    }

    @Incoming("declarations")
    @Blocking
    public void declarations(String event) {
        DatabaseOutage.retrying("consuming from bcc.declarations.v1", () -> intake.consume(DECLARATIONS, event));
    }

    @Incoming("payments")
    @Blocking
    public void payments(String event) {
        DatabaseOutage.retrying("consuming from bcc.payments.v1", () -> intake.consume(PAYMENTS, event));
    }

    @Incoming("assessments")
    @Blocking
    public void assessments(String event) {
        DatabaseOutage.retrying("consuming from bcc.assessments.v1", () -> intake.consume(ASSESSMENTS, event));
    }

    @Incoming("tariffs")
    @Blocking
    public void tariffs(String event) {
        DatabaseOutage.retrying("consuming from bcc.tariffs.v1", () -> intake.consume(TARIFFS, event));
    }
}
