package iq.gov.bcc.audit.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's statistics of the tables the intake reads by key current while they grow fast, as
 * they do in a replay, which starts from an empty store. Autovacuum looks at a database once a minute
 * ({@code autovacuum_naptime}); in that minute a replay grows these tables from nothing to a hundred
 * thousand rows or more. A plan made meanwhile from no statistics, or from those of a table of a few
 * hundred rows, scans the whole table and compares every row with every key of the batch's array: one
 * such read took 4.6 s of a 53 s intake benchmark, under the ledger lock. A table is analysed here once its
 * rows changed since its last analysis are at least {@link #MIN_CHANGES} and at least as many as it had
 * then, so a table that keeps growing is analysed about once each time it doubles, and a store in its
 * steady state is left to autovacuum. ANALYZE reads a sample of the table and blocks neither reads nor
 * writes; it runs outside the intake's transactions.
 */
@ApplicationScoped
public class StoreStatistics {

    private static final Logger LOG = Logger.getLogger(StoreStatistics.class);

    /** The intake's lookups by declaration, receipt number and lines ({@link Stories}). */
    private static final List<String> TABLES = List.of("correlation_fact", "receipt", "discrepancy", "declaration_state",
            "unit_value_observation");
    /** Below this many changed rows a plan cannot go far wrong. */
    private static final long MIN_CHANGES = 1000;

    private final EntityManager entityManager;

    StoreStatistics(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${bcc.audit.statistics-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void keepCurrent() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // Statistics are an optimisation: a database that is down is the intake's concern, and its health check's.
            LOG.debugf(e, "statistics of the correlation store not refreshed");
        }
    }

    /** Analyses the tables that have changed enough since their last analysis; returns those it analysed. */
    public List<String> refresh() {
        List<String> stale = QuarkusTransaction.requiringNew().call(this::stale);
        List<String> analysed = new ArrayList<>();
        for (String table : stale) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    // Not behind autovacuum's own ANALYZE of the same table, which does the same.
                    entityManager.createNativeQuery("SET LOCAL lock_timeout = '1s'").executeUpdate();
                    entityManager.createNativeQuery("ANALYZE " + table).executeUpdate();
                });
                analysed.add(table);
            } catch (RuntimeException e) {
                LOG.debugf(e, "%s not analysed; it is looked at again in the next round", table);
            }
        }
        return analysed;
    }

    @SuppressWarnings("unchecked")
    private List<String> stale() {
        return entityManager.createNativeQuery("SELECT relname::text FROM pg_stat_user_tables WHERE schemaname = current_schema() "
                + "AND relname::text = ANY(?1) AND n_mod_since_analyze >= GREATEST(?2, n_live_tup - n_mod_since_analyze) "
                + "ORDER BY relname", String.class)
                .setParameter(1, TABLES.toArray(String[]::new)).setParameter(2, MIN_CHANGES).getResultList();
    }
}
