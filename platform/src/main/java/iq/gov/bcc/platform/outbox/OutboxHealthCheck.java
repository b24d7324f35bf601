package iq.gov.bcc.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import io.smallrye.health.api.Wellness;

/**
 * Kafka reachability as the outbox sees it. A wellness check, not readiness: while Kafka is away
 * the service must keep accepting writes, so it must stay in rotation; the backlog shows the debt.
 */
@Wellness
@ApplicationScoped
public class OutboxHealthCheck implements HealthCheck {

    private final OutboxRelay relay;

    OutboxHealthCheck(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-outbox");
        try {
            OutboxRelay.Backlog backlog = relay.backlog();
            response.withData("pending", backlog.pending());
            if (backlog.oldest() != null) {
                response.withData("oldestPending", backlog.oldest().toString());
            }
            if (backlog.lastDelivery() != null) {
                response.withData("lastDelivery", backlog.lastDelivery().toString());
            }
            if (backlog.lastError() != null) {
                response.withData("lastError", backlog.lastError());
            }
            return response.status(backlog.lastError() == null).build();
        } catch (java.sql.SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
