package iq.gov.bcc.declaration.messaging;

import static iq.gov.bcc.platform.event.EventCatalog.DECLARATIONS;
import static iq.gov.bcc.platform.event.EventCatalog.PAYMENTS;
import static iq.gov.bcc.platform.event.EventCatalog.PAYMENT_RECORDED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_AMENDED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_FILED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_INSPECTED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_RELEASED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_TRANSIT_EXITED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_WEIGHED;

import iq.gov.bcc.declaration.domain.Declaration;
import iq.gov.bcc.declaration.domain.DeclarationVersion;
import iq.gov.bcc.declaration.domain.DeclaredItem;
import iq.gov.bcc.declaration.domain.Direction;
import iq.gov.bcc.declaration.domain.Inspection;
import iq.gov.bcc.declaration.domain.InspectionChannel;
import iq.gov.bcc.declaration.domain.InspectionOutcome;
import iq.gov.bcc.declaration.domain.Lane;
import iq.gov.bcc.declaration.domain.Money;
import iq.gov.bcc.declaration.domain.PaymentMethod;
import iq.gov.bcc.declaration.domain.PaymentReceipt;
import iq.gov.bcc.declaration.domain.Trader;
import iq.gov.bcc.declaration.domain.Weighing;
import iq.gov.bcc.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The facts this service publishes, as documented in docs/event-contracts.md and the AsyncAPI
 * document. Each method must be called inside the transaction that records the fact.
 */
@ApplicationScoped
public class DeclarationEvents {

    public record VersionData(UUID declarationId, int version, String crossingCode, String reference, Direction direction,
            String exitCrossingCode, OffsetDateTime transitDeadline, OffsetDateTime lodgedAt, Trader trader,
            String vehiclePlate, String originCountry, List<DeclaredItem> items, Lane lane, String laneRule,
            String reason, Integer previousVersion) {
    }

    public record WeighedData(UUID declarationId, UUID weighingId, BigDecimal grossWeightKg, String scaleId,
            OffsetDateTime weighedAt) {
    }

    public record InspectedData(UUID declarationId, UUID inspectionId, InspectionChannel channel,
            InspectionOutcome outcome, String remarks, OffsetDateTime inspectedAt) {
    }

    public record ReleasedData(UUID declarationId, int version, Lane lane, OffsetDateTime releasedAt) {
    }

    public record TransitExitedData(UUID declarationId, String exitCrossingCode, OffsetDateTime exitedAt) {
    }

    public record PaymentData(UUID receiptId, String crossingCode, String receiptNumber, UUID declarationId,
            boolean declarationKnown, Money amount, PaymentMethod method, OffsetDateTime paidAt) {
    }

    private final Outbox outbox;

    DeclarationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * A filing happened at its lodgement; an amendment when it was recorded, since the crossing names no
     * time for it (its lodgedAt is the filing's), so an amendment after release comes after the release.
     */
    public void filedOrAmended(Declaration d, DeclarationVersion v) {
        int version = v.key.version();
        boolean filing = version == 1;
        append(d, filing ? DECLARATION_FILED : DECLARATION_AMENDED, filing ? v.lodgedAt : v.recordedAt,
                new VersionData(d.id, version, d.crossingCode, d.reference, v.direction, v.exitCrossingCode,
                        v.transitDeadline, v.lodgedAt, new Trader(v.traderTaxId, v.traderName), v.vehiclePlate,
                        v.originCountry, v.items, d.lane, d.laneRule, v.reason, filing ? null : version - 1));
    }

    public void weighed(Declaration d, Weighing w) {
        append(d, DECLARATION_WEIGHED, w.weighedAt, new WeighedData(d.id, w.id, w.grossWeightKg, w.scaleId, w.weighedAt));
    }

    public void inspected(Declaration d, Inspection i) {
        append(d, DECLARATION_INSPECTED, i.inspectedAt,
                new InspectedData(d.id, i.id, i.channel, i.outcome, i.remarks, i.inspectedAt));
    }

    public void released(Declaration d) {
        append(d, DECLARATION_RELEASED, d.releasedAt, new ReleasedData(d.id, d.currentVersion, d.lane, d.releasedAt));
    }

    public void transitExited(Declaration d) {
        outbox.append(DECLARATIONS, d.id.toString(), DECLARATION_TRANSIT_EXITED, d.exitCrossingCode, d.exitedAt,
                new TransitExitedData(d.id, d.exitCrossingCode, d.exitedAt));
    }

    public void paymentRecorded(PaymentReceipt r) {
        outbox.append(PAYMENTS, r.declarationId.toString(), PAYMENT_RECORDED, r.crossingCode, r.paidAt,
                new PaymentData(r.id, r.crossingCode, r.receiptNumber, r.declarationId, r.declarationKnown, r.money(),
                        r.method, r.paidAt));
    }

    private void append(Declaration d, String type, OffsetDateTime occurredAt, Object data) {
        outbox.append(DECLARATIONS, d.id.toString(), type, d.crossingCode, occurredAt, data);
    }
}
