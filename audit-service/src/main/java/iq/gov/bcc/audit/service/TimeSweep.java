package iq.gov.bcc.audit.service;

import iq.gov.bcc.audit.config.AuditConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Fires the time-based rules without waiting for a new event: releases still unpaid after the grace
 * period (UNPAID_RELEASE) and transits not discharged by their deadline (TRANSIT_NOT_DISCHARGED).
 * Each candidate is re-evaluated in its own transaction under the ledger lock.
 */
@ApplicationScoped
public class TimeSweep {

    private static final Logger LOG = Logger.getLogger(TimeSweep.class);

    private final EntityManager entityManager;
    private final DiscrepancyEngine engine;
    private final Ledger ledger;
    private final AuditConfig config;
    private final UnitValueCache unitValueCache;
    private final Scheduled.ApplicationNotRunning stopping;

    TimeSweep(EntityManager entityManager, DiscrepancyEngine engine, Ledger ledger, AuditConfig config,
            UnitValueCache unitValueCache, Scheduled.ApplicationNotRunning stopping) {
        this.unitValueCache = unitValueCache;
        this.stopping = stopping;
        this.entityManager = entityManager;
        this.engine = engine;
        this.ledger = ledger;
        this.config = config;
    }

    /** Candidates are read in pages of this many, in declaration id order. */
    static final int PAGE = 1000;

    // Not while the service stops: the database goes before the Kafka consumers have closed, and a sweep
    // in between would fail on it every interval.
    @Scheduled(every = "${bcc.audit.sweep-interval}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // Every page is read after the one before, by id: a candidate the rules decline (the query can only
        // approximate them) is passed over this round instead of taking a place the next candidates need.
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> due = QuarkusTransaction.requiringNew().call(() -> candidates(now, from, PAGE));
            for (UUID id : due) {
                if (stopping.test(null)) {
                    // The service is stopping and its database may already be gone; the next start sweeps again.
                    return;
                }
                evaluate(id, now);
            }
            if (due.size() < PAGE) {
                return;
            }
            after = due.get(due.size() - 1);
        }
    }

    private void evaluate(UUID id, OffsetDateTime now) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ledger.lock();
                // A re-evaluation may store observations and appends nothing to the chain, which would
                // leave the intake's cached unit values trusted at an unchanged head.
                unitValueCache.drop();
                engine.evaluate(id, now);
            });
        } catch (RuntimeException e) {
            LOG.warnf(e, "sweep could not re-evaluate declaration %s", id);
        }
    }

    /**
     * Up to {@code limit} declarations after {@code after} (from the first if null), in id order, whose
     * time-based rule may fire: the same conditions as {@code UnpaidReleaseRule} (grace from the later of
     * release and its recording; the larger of the IQD and the percentage tolerance, as
     * {@code Amounts.tolerance}) and {@code TransitNotDischargedRule}.
     */
    @SuppressWarnings("unchecked")
    List<UUID> candidates(OffsetDateTime now, UUID after, int limit) {
        var query = entityManager.createNativeQuery("SELECT s.declaration_id FROM declaration_state s WHERE "
                + (after == null ? "" : "s.declaration_id > ?6 AND ")
                + "((s.released_at IS NOT NULL AND GREATEST(s.released_at, s.release_recorded_at) <= ?1 "
                + "  AND s.duty_iqd IS NOT NULL "
                + "  AND s.paid_iqd + GREATEST(?2, round(s.duty_iqd * ?3 / 100, 3)) < s.duty_iqd "
                + "  AND NOT EXISTS (SELECT 1 FROM discrepancy d "
                + "  WHERE d.declaration_id = s.declaration_id AND d.type = 'UNPAID_RELEASE' AND d.status <> 'CLOSED')) "
                + "OR (s.direction = 'TRANSIT' AND s.released_at IS NOT NULL "
                + "  AND s.transit_deadline IS NOT NULL AND s.transit_deadline <= ?4 "
                + "  AND NOT EXISTS (SELECT 1 FROM discrepancy d "
                + "  WHERE d.declaration_id = s.declaration_id AND d.type = 'TRANSIT_NOT_DISCHARGED') "
                + "  AND (s.transit_exited_at IS NULL OR s.transit_exited_at > s.transit_deadline "
                + "       OR (s.exit_crossing_code IS NOT NULL "
                + "           AND s.transit_exited_at_crossing IS DISTINCT FROM s.exit_crossing_code)))) "
                + "ORDER BY s.declaration_id LIMIT ?5")
                .setParameter(1, now.minus(config.unpaidReleaseGrace()))
                .setParameter(2, config.underpaymentToleranceIqd())
                .setParameter(3, config.underpaymentTolerancePercent())
                .setParameter(4, now)
                .setParameter(5, limit);
        if (after != null) {
            query.setParameter(6, after);
        }
        return query.getResultList();
    }
}
