package iq.gov.bcc.audit.service;

import iq.gov.bcc.audit.config.AuditConfig;
import iq.gov.bcc.audit.domain.DeclarationState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.Map;
import org.hibernate.Session;

/**
 * The {@code revenue_day} roll-up: what each filed declaration adds to its lodgement day (in the audit
 * zone) at its crossing. A transaction collects the changes of its declarations' shares ({@link Changes})
 * and applies them once, before it commits, so the roll-up always equals the sum over declaration_state.
 */
@ApplicationScoped
public class RevenueDays {

    private final EntityManager entityManager;
    private final AuditConfig config;

    RevenueDays(EntityManager entityManager, AuditConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** What one declaration adds to a day at a crossing; null when it adds nothing (not filed yet). */
    public Share shareOf(DeclarationState state) {
        if (state == null || !state.filed || state.lodgedAt == null || state.crossingCode == null) {
            return null;
        }
        return new Share(state.crossingCode, state.lodgedAt.atZoneSameInstant(config.zone()).toLocalDate(),
                state.releasedAt != null, state.releasedOffHours,
                state.dutyIqd == null ? BigDecimal.ZERO : state.dutyIqd, state.paidIqd == null ? BigDecimal.ZERO : state.paidIqd);
    }

    /** Adds the transaction's changes to the roll-up. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Changes changes) {
        if (changes.days.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO revenue_day (crossing_code, day, "
                    + "declarations, released, released_off_hours, assessed_iqd, collected_iqd) VALUES (?, ?, ?, ?, ?, ?, ?) "
                    + "ON CONFLICT (crossing_code, day) DO UPDATE SET declarations = revenue_day.declarations + EXCLUDED.declarations, "
                    + "released = revenue_day.released + EXCLUDED.released, "
                    + "released_off_hours = revenue_day.released_off_hours + EXCLUDED.released_off_hours, "
                    + "assessed_iqd = revenue_day.assessed_iqd + EXCLUDED.assessed_iqd, "
                    + "collected_iqd = revenue_day.collected_iqd + EXCLUDED.collected_iqd")) {
                // In key order, so that concurrent writers (the sweep, each consumer) never lock rows crosswise.
                for (Map.Entry<Changes.Key, Changes.Delta> e : changes.days.entrySet()) {
                    Changes.Delta d = e.getValue();
                    upsert.setString(1, e.getKey().crossingCode());
                    upsert.setObject(2, e.getKey().day());
                    upsert.setLong(3, d.declarations);
                    upsert.setLong(4, d.released);
                    upsert.setLong(5, d.releasedOffHours);
                    upsert.setBigDecimal(6, d.assessed);
                    upsert.setBigDecimal(7, d.collected);
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        });
        changes.days.clear();
    }

    /** A declaration's share of its day. */
    public record Share(String crossingCode, LocalDate day, boolean released, boolean releasedOffHours, BigDecimal assessed,
            BigDecimal collected) {
    }

    /** The changes of one transaction, per crossing and day. */
    public static final class Changes {

        private record Key(String crossingCode, LocalDate day) implements Comparable<Key> {
            @Override
            public int compareTo(Key other) {
                int c = crossingCode.compareTo(other.crossingCode);
                return c != 0 ? c : day.compareTo(other.day);
            }
        }

        private static final class Delta {
            long declarations;
            long released;
            long releasedOffHours;
            BigDecimal assessed = BigDecimal.ZERO;
            BigDecimal collected = BigDecimal.ZERO;
        }

        private final Map<Key, Delta> days = new java.util.TreeMap<>();

        /** A declaration's share went from {@code before} to {@code after} (either may be null). */
        public void replace(Share before, Share after) {
            if (java.util.Objects.equals(before, after)) {
                return;
            }
            add(before, -1);
            add(after, 1);
        }

        private void add(Share share, int sign) {
            if (share == null) {
                return;
            }
            Delta d = days.computeIfAbsent(new Key(share.crossingCode(), share.day()), k -> new Delta());
            d.declarations += sign;
            d.released += share.released() ? sign : 0;
            d.releasedOffHours += share.releasedOffHours() ? sign : 0;
            d.assessed = d.assessed.add(sign > 0 ? share.assessed() : share.assessed().negate());
            d.collected = d.collected.add(sign > 0 ? share.collected() : share.collected().negate());
        }
    }
}
