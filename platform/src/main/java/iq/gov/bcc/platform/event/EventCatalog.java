package iq.gov.bcc.platform.event;

/**
 * The names of the public event contract: topics and CloudEvents types (see docs/event-contracts.md).
 * Producers and consumers use these constants so the names cannot drift apart; the payloads are each
 * producer's own, described by the JSON Schemas it serves.
 */
public final class EventCatalog {

    public static final String DECLARATIONS = "bcc.declarations.v1";
    public static final String PAYMENTS = "bcc.payments.v1";
    public static final String ASSESSMENTS = "bcc.assessments.v1";
    public static final String TARIFFS = "bcc.tariffs.v1";
    public static final String DISCREPANCIES = "bcc.discrepancies.v1";

    public static final String DECLARATION_FILED = "iq.bcc.declaration.filed.v1";
    public static final String DECLARATION_AMENDED = "iq.bcc.declaration.amended.v1";
    public static final String DECLARATION_WEIGHED = "iq.bcc.declaration.weighed.v1";
    public static final String DECLARATION_INSPECTED = "iq.bcc.declaration.inspected.v1";
    public static final String DECLARATION_RELEASED = "iq.bcc.declaration.released.v1";
    public static final String DECLARATION_TRANSIT_EXITED = "iq.bcc.declaration.transit-exited.v1";
    public static final String PAYMENT_RECORDED = "iq.bcc.payment.recorded.v1";
    public static final String ASSESSMENT_COMPLETED = "iq.bcc.assessment.completed.v1";
    public static final String MEASURE_CREATED = "iq.bcc.measure.created.v1";
    public static final String MEASURE_SUPERSEDED = "iq.bcc.measure.superseded.v1";
    public static final String EXCHANGE_RATE_PUBLISHED = "iq.bcc.exchange-rate.published.v1";
    public static final String LICENCE_ISSUED = "iq.bcc.exemption-licence.issued.v1";
    public static final String LICENCE_REVOKED = "iq.bcc.exemption-licence.revoked.v1";
    public static final String DISCREPANCY_RAISED = "iq.bcc.discrepancy.raised.v1";
    public static final String DISCREPANCY_CLOSED = "iq.bcc.discrepancy.closed.v1";
    public static final String DISCREPANCY_DECIDED = "iq.bcc.discrepancy.decided.v1";

    private EventCatalog() {
    }
}
