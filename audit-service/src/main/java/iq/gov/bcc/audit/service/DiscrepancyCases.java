package iq.gov.bcc.audit.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iq.gov.bcc.audit.config.AuditConfig;
import iq.gov.bcc.audit.domain.DecisionKind;
import iq.gov.bcc.audit.domain.Discrepancy;
import iq.gov.bcc.audit.domain.DiscrepancyDecision;
import iq.gov.bcc.audit.domain.DiscrepancyStatus;
import iq.gov.bcc.audit.messaging.DiscrepancyPublisher;
import iq.gov.bcc.platform.problem.Problems;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reading and deciding discrepancy cases. */
@ApplicationScoped
public class DiscrepancyCases {

    private final Ledger ledger;
    private final DiscrepancyPublisher publisher;
    private final AuditConfig config;
    private final ObjectMapper json;

    DiscrepancyCases(Ledger ledger, DiscrepancyPublisher publisher, AuditConfig config, ObjectMapper json) {
        this.ledger = ledger;
        this.publisher = publisher;
        this.config = config;
        this.json = json;
    }

    /** Up to {@code limit} cases after {@code cursor}, newest first. */
    @Transactional
    public List<Discrepancy> list(DiscrepancyFilter filter, int limit, Cursor cursor) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.crossingCode() != null) {
            where.add("crossingCode = :crossing");
            parameters.and("crossing", filter.crossingCode());
        }
        if (filter.type() != null) {
            where.add("type = :type");
            parameters.and("type", filter.type());
        }
        if (filter.status() != null) {
            where.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.from() != null) {
            where.add("detectedAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("detectedAt < :to");
            parameters.and("to", filter.to());
        }
        if (filter.minAmountIqd() != null) {
            where.add("amountAtStakeIqd >= :min");
            parameters.and("min", filter.minAmountIqd());
        }
        if (cursor != null) {
            where.add("(detectedAt < :cursorAt or (detectedAt = :cursorAt and id < :cursorId))");
            parameters.and("cursorAt", cursor.detectedAt()).and("cursorId", cursor.id());
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where)) + " order by detectedAt desc, id desc";
        if (where.isEmpty()) {
            query = "order by detectedAt desc, id desc";
        }
        return Discrepancy.<Discrepancy>find(query, parameters).page(0, limit).list();
    }

    @Transactional
    public Optional<Discrepancy> find(UUID id) {
        return Discrepancy.findByIdOptional(id);
    }

    @Transactional
    public List<DiscrepancyDecision> history(UUID id) {
        return DiscrepancyDecision.history(id);
    }

    @Transactional
    public List<Discrepancy> ofDeclaration(UUID declarationId) {
        return Discrepancy.list("declarationId = ?1 order by detectedAt, id", declarationId);
    }

    public boolean needsFourEyes(Discrepancy d) {
        return d.amountAtStakeIqd.compareTo(config.fourEyesAmountIqd()) > 0;
    }

    /**
     * Records a decision and applies it. A DISMISS of a case above {@code four-eyes-amount-iqd} only
     * takes effect with a second DISMISS by a different senior auditor; until then it is pending.
     */
    @Transactional
    public Discrepancy decide(UUID id, DecisionKind kind, String reason, String user, boolean senior) {
        ledger.lock();
        Discrepancy d = Discrepancy.<Discrepancy>findByIdOptional(id)
                .orElseThrow(() -> Problems.notFound("discrepancy", id));
        if (d.status.isFinal()) {
            throw Problems.conflict("discrepancy " + id + " is " + d.status + " and takes no further decisions");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        DiscrepancyDecision decision = new DiscrepancyDecision();
        decision.id = UUID.randomUUID();
        decision.discrepancyId = id;
        decision.decision = kind;
        decision.reason = reason;
        decision.decidedBy = user;
        decision.senior = senior;
        decision.decidedAt = now;
        decision.effect = DiscrepancyDecision.Effect.APPLIED;
        switch (kind) {
            case REVIEW -> d.status = DiscrepancyStatus.UNDER_REVIEW;
            case CONFIRM -> {
                d.status = DiscrepancyStatus.CONFIRMED;
                clearPending(d);
            }
            case DISMISS -> {
                if (!needsFourEyes(d)) {
                    d.status = DiscrepancyStatus.DISMISSED;
                } else if (d.pendingDismissalBy == null) {
                    d.pendingDismissalBy = user;
                    d.pendingDismissalAt = now;
                    d.pendingDismissalReason = reason;
                    d.status = DiscrepancyStatus.UNDER_REVIEW;
                    decision.effect = DiscrepancyDecision.Effect.AWAITING_SECOND_SENIOR;
                } else if (d.pendingDismissalBy.equals(user)) {
                    throw Problems.conflict("four eyes: " + user + " already dismissed this case; the second dismissal "
                            + "must come from a different senior auditor");
                } else if (!senior) {
                    throw Problems.forbidden("four eyes: the second dismissal of a case above "
                            + config.fourEyesAmountIqd().toPlainString() + " IQD needs the senior-auditor role");
                } else {
                    d.status = DiscrepancyStatus.DISMISSED;
                }
            }
        }
        d.updatedAt = now;
        decision.persist();
        ObjectNode entry = json.createObjectNode();
        entry.put("kind", "decision");
        entry.put("decisionId", decision.id.toString());
        entry.put("discrepancyId", id.toString());
        entry.put("decision", kind.name());
        entry.put("reason", reason);
        entry.put("decidedBy", user);
        entry.put("senior", senior);
        entry.put("effect", decision.effect.name());
        entry.put("status", d.status.name());
        entry.put("decidedAt", now.toInstant().toString());
        ledger.append(entry.toString());
        publisher.decided(d, decision);
        return d;
    }

    private static void clearPending(Discrepancy d) {
        d.pendingDismissalBy = null;
        d.pendingDismissalAt = null;
        d.pendingDismissalReason = null;
    }
}
