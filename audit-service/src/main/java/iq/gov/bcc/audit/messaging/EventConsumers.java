package iq.gov.bcc.audit.messaging;

import iq.gov.bcc.audit.service.EventIntake;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * One consumer per topic (group audit-service). Each record is taken in its own transaction by
 * {@link EventIntake}; a failure rolls it back and the record goes to bcc.deadletter.audit-service.v1
 * with the reason in its headers. Offsets are committed only after the record is processed.
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
        intake.consume("bcc.declarations.v1", event);
    }

    @Incoming("payments")
    @Blocking
    public void payments(String event) {
        intake.consume("bcc.payments.v1", event);
    }

    @Incoming("assessments")
    @Blocking
    public void assessments(String event) {
        intake.consume("bcc.assessments.v1", event);
    }

    @Incoming("tariffs")
    @Blocking
    public void tariffs(String event) {
        intake.consume("bcc.tariffs.v1", event);
    }
}
