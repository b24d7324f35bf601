package iq.gov.bcc.declaration.service;

import iq.gov.bcc.declaration.domain.Declaration;
import iq.gov.bcc.declaration.domain.DeclarationStatus;
import iq.gov.bcc.declaration.domain.Inspection;
import iq.gov.bcc.declaration.domain.InspectionChannel;
import iq.gov.bcc.declaration.domain.InspectionOutcome;
import iq.gov.bcc.declaration.domain.Weighing;
import iq.gov.bcc.declaration.messaging.DeclarationEvents;
import iq.gov.bcc.platform.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to the goods after filing: weighing, inspection, release and, for a transit, exit.
 * Each write locks its declaration, so one declaration's facts and events are recorded in order.
 */
@ApplicationScoped
public class MovementService {

    private final DeclarationEvents events;
    private final DeclarationAccess access;

    MovementService(DeclarationEvents events, DeclarationAccess access) {
        this.events = events;
        this.access = access;
    }

    @Transactional
    public Outcome<Weighing> weigh(UUID declarationId, BigDecimal grossWeightKg, String scaleId, OffsetDateTime weighedAt) {
        Declaration d = access.lockForWrite(declarationId);
        Optional<Weighing> same = Weighing.ticket(declarationId, scaleId, weighedAt);
        if (same.isPresent()) {
            if (same.get().grossWeightKg.compareTo(grossWeightKg) == 0) {
                return new Outcome<>(same.get(), false);
            }
            throw Problems.conflict("scale " + scaleId + " already recorded " + same.get().grossWeightKg.toPlainString()
                    + " kg for this declaration at " + weighedAt);
        }
        if (d.releasedAt != null && weighedAt.isAfter(d.releasedAt)) {
            // The truck had left the crossing: such a reading is not of these goods, and would stand in for
            // the weighing the audit compares with the declared weight.
            throw Problems.conflict("declaration " + declarationId + " was released at " + d.releasedAt
                    + "; a weighing after its release cannot be of its goods");
        }
        Weighing w = new Weighing();
        w.id = UUID.randomUUID();
        w.declarationId = declarationId;
        w.grossWeightKg = grossWeightKg;
        w.scaleId = scaleId;
        w.weighedAt = weighedAt;
        w.recordedAt = DeclarationService.now();
        w.recordedBy = access.principal();
        w.persist();
        events.weighed(d, w);
        return new Outcome<>(w, true);
    }

    @Transactional
    public Outcome<Inspection> inspect(UUID declarationId, InspectionChannel channel, InspectionOutcome outcome,
            String remarks, OffsetDateTime inspectedAt) {
        Declaration d = access.lockForWrite(declarationId);
        Optional<Inspection> same = Inspection.report(declarationId, channel, inspectedAt);
        if (same.isPresent()) {
            if (same.get().outcome == outcome && Objects.equals(same.get().remarks, remarks)) {
                return new Outcome<>(same.get(), false);
            }
            throw Problems.conflict("a " + channel + " inspection at " + inspectedAt
                    + " is already recorded for this declaration with a different outcome");
        }
        Inspection i = new Inspection();
        i.id = UUID.randomUUID();
        i.declarationId = declarationId;
        i.channel = channel;
        i.outcome = outcome;
        i.remarks = remarks;
        i.inspectedAt = inspectedAt;
        i.recordedAt = DeclarationService.now();
        i.recordedBy = access.principal();
        i.persist();
        events.inspected(d, i);
        return new Outcome<>(i, true);
    }

    @Transactional
    public DeclarationStory release(UUID declarationId, OffsetDateTime releasedAt) {
        Declaration d = access.lockForWrite(declarationId);
        if (d.releasedAt != null && DeclarationService.sameInstant(releasedAt, d.releasedAt)) {
            // A crossing's retry of a release whose answer it lost: nothing new to record.
            return DeclarationStory.load(d);
        }
        if (d.status != DeclarationStatus.FILED) {
            throw Problems.conflict("declaration " + declarationId + " is " + d.status
                    + (d.releasedAt == null ? "" : " (released at " + d.releasedAt + ")") + "; it cannot be released again");
        }
        if (releasedAt.isBefore(d.lodgedAt)) {
            throw Problems.badField("releasedAt", "must not be before lodgedAt (" + d.lodgedAt + ")");
        }
        d.status = DeclarationStatus.RELEASED;
        d.releasedAt = releasedAt;
        d.releaseRecordedAt = DeclarationService.now();
        events.released(d);
        return DeclarationStory.load(d);
    }

    /** Recorded by the exit crossing named on the transit, and by no one else. */
    @Transactional
    public DeclarationStory exitTransit(UUID declarationId, OffsetDateTime exitedAt) {
        Declaration d = Declaration.lockById(declarationId)
                .orElseThrow(() -> Problems.notFound("declaration", declarationId));
        // Who may write is settled before what the declaration is: another crossing learns nothing from the answer.
        if (!d.isTransit()) {
            access.assertMayWriteFor(d.crossingCode);
            throw Problems.conflict("declaration " + declarationId + " is an " + d.direction + ", not a TRANSIT");
        }
        access.assertMayWriteFor(d.exitCrossingCode);
        if (d.status == DeclarationStatus.FILED) {
            throw Problems.conflict("transit " + declarationId + " has not been released at its entry crossing "
                    + d.crossingCode + " yet");
        }
        if (d.status == DeclarationStatus.DISCHARGED) {
            if (DeclarationService.sameInstant(exitedAt, d.exitedAt)) {
                return DeclarationStory.load(d);
            }
            throw Problems.conflict("transit " + declarationId + " already exited at " + d.exitedAt);
        }
        if (exitedAt.isBefore(d.releasedAt)) {
            throw Problems.badField("exitedAt", "must not be before the release at entry (" + d.releasedAt + ")");
        }
        d.status = DeclarationStatus.DISCHARGED;
        d.exitedAt = exitedAt;
        d.exitRecordedAt = DeclarationService.now();
        events.transitExited(d);
        return DeclarationStory.load(d);
    }

    @Transactional
    public Weighing weighing(UUID declarationId, UUID weighingId) {
        access.read(declarationId);
        return Weighing.<Weighing>findByIdOptional(weighingId).filter(w -> w.declarationId.equals(declarationId))
                .orElseThrow(() -> Problems.notFound("weighing", weighingId));
    }

    @Transactional
    public Inspection inspection(UUID declarationId, UUID inspectionId) {
        access.read(declarationId);
        return Inspection.<Inspection>findByIdOptional(inspectionId).filter(i -> i.declarationId.equals(declarationId))
                .orElseThrow(() -> Problems.notFound("inspection", inspectionId));
    }
}
