package iq.gov.bcc.declaration.service;

import iq.gov.bcc.declaration.domain.Declaration;
import iq.gov.bcc.declaration.domain.Money;
import iq.gov.bcc.declaration.domain.PaymentMethod;
import iq.gov.bcc.declaration.domain.PaymentReceipt;
import iq.gov.bcc.declaration.messaging.DeclarationEvents;
import iq.gov.bcc.platform.problem.Problems;
import iq.gov.bcc.platform.security.CallerCrossing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ForbiddenException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Payment receipts as the crossings' cash desks and banks report them. */
@ApplicationScoped
public class PaymentService {

    private final Fingerprint fingerprint;
    private final DeclarationEvents events;
    private final CallerCrossing caller;

    PaymentService(Fingerprint fingerprint, DeclarationEvents events, CallerCrossing caller) {
        this.fingerprint = fingerprint;
        this.events = events;
        this.caller = caller;
    }

    public Outcome<PaymentReceipt> record(String crossingCode, String receiptNumber, UUID declarationId, Money amount,
            PaymentMethod method, OffsetDateTime paidAt) {
        caller.assertMayWriteFor(crossingCode);
        List<Object> sent = List.of(crossingCode, receiptNumber, declarationId, amount, method, paidAt);
        String print = fingerprint.of(sent);
        String recordedBy = caller.principal();
        return IdempotentWrite.createOrReplay(() -> {
            if (PaymentReceipt.byNumber(crossingCode, receiptNumber).isPresent()) {
                return replay(crossingCode, receiptNumber, print, sent);
            }
            PaymentReceipt r = new PaymentReceipt();
            r.id = UUID.randomUUID();
            r.crossingCode = crossingCode;
            r.receiptNumber = receiptNumber;
            r.declarationId = declarationId;
            String owner = Declaration.<Declaration>findByIdOptional(declarationId).map(d -> d.crossingCode).orElse(null);
            // A receipt pays the declaration it names: one crossing's cashier cannot settle another crossing's
            // declaration (and so clear the auditors' findings on it). One the service does not know is kept.
            if (owner != null && !owner.equals(crossingCode)) {
                throw new ForbiddenException("declaration " + declarationId + " belongs to crossing " + owner
                        + "; a receipt of crossing " + crossingCode + " cannot pay it");
            }
            r.declarationKnown = owner != null;
            r.amount = amount.amount();
            r.currency = amount.currency();
            r.method = method;
            r.paidAt = paidAt;
            r.fingerprint = print;
            r.recordedAt = DeclarationService.now();
            r.recordedBy = recordedBy;
            r.persist();
            PaymentReceipt.flush();
            events.paymentRecorded(r);
            return new Outcome<>(r, true);
        }, () -> replay(crossingCode, receiptNumber, print, sent));
    }

    private Outcome<PaymentReceipt> replay(String crossingCode, String receiptNumber, String print, List<Object> sent) {
        PaymentReceipt existing = PaymentReceipt.byNumber(crossingCode, receiptNumber)
                .orElseThrow(() -> new IllegalStateException("receipt vanished: " + crossingCode + "/" + receiptNumber));
        if (!existing.fingerprint.equals(print) && !existing.fingerprint.equals(fingerprint.asPrintedBefore(sent))) {
            throw Problems.conflict("receipt " + receiptNumber + " of crossing " + crossingCode
                    + " is already recorded (" + existing.id + ") with different details");
        }
        return new Outcome<>(existing, false);
    }

    @Transactional
    public PaymentReceipt get(UUID id) {
        PaymentReceipt r = PaymentReceipt.<PaymentReceipt>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("payment receipt", id));
        if (caller.isCrossingSystem() && !caller.code().orElse("").equals(r.crossingCode)) {
            throw new ForbiddenException("receipt " + id + " belongs to crossing " + r.crossingCode);
        }
        return r;
    }
}
