package iq.gov.bcc.audit.service;

import iq.gov.bcc.audit.config.AuditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Revenue and scorecards from the correlation store. Assessed: the duty of the latest version of
 * each declaration lodged in the period; collected: the receipts (in IQD) of those same declarations,
 * whenever paid; gap: assessed minus collected. Periods are whole days in Baghdad time. Read from the
 * daily roll-up ({@link RevenueDays}), so a year costs 22 × 365 rows, not every declaration.
 */
@ApplicationScoped
public class RevenueReports {

    private final EntityManager entityManager;
    private final AuditConfig config;

    RevenueReports(EntityManager entityManager, AuditConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /** Assessed and collected per group. */
    public record Totals(BigDecimal assessed, BigDecimal collected) {
        public static final Totals ZERO = new Totals(BigDecimal.ZERO, BigDecimal.ZERO);

        public BigDecimal gap() {
            return assessed.subtract(collected);
        }

        Totals plus(Totals other) {
            return new Totals(assessed.add(other.assessed), collected.add(other.collected));
        }
    }

    /** @param from first day, @param to last day (inclusive), @param byMonth group by Baghdad month, else by crossing */
    @Transactional
    @SuppressWarnings("unchecked")
    public Map<String, Totals> revenue(LocalDate from, LocalDate to, boolean byMonth) {
        String key = byMonth ? "to_char(day, 'YYYY-MM')" : "crossing_code";
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + key + " AS k, COALESCE(SUM(assessed_iqd), 0), "
                + "COALESCE(SUM(collected_iqd), 0) FROM revenue_day WHERE day >= ?1 AND day <= ?2 "
                + "GROUP BY k HAVING SUM(declarations) > 0 ORDER BY k")
                .setParameter(1, from).setParameter(2, to).getResultList();
        Map<String, Totals> result = new LinkedHashMap<>();
        for (Object[] row : rows) {
            result.put((String) row[0], new Totals((BigDecimal) row[1], (BigDecimal) row[2]));
        }
        return result;
    }

    public static Totals sum(Iterable<Totals> totals) {
        Totals sum = Totals.ZERO;
        for (Totals t : totals) {
            sum = sum.plus(t);
        }
        return sum;
    }

    /** Figures of one crossing's scorecard. */
    public record CrossingFigures(long declarations, long released, long releasedOffHours, Totals revenue) {
    }

    /** One discrepancy type at a crossing. */
    public record TypeFigures(String type, long count, long open, BigDecimal amountAtStake) {
    }

    @Transactional
    public CrossingFigures crossingFigures(String code, LocalDate from, LocalDate to) {
        Object[] row = (Object[]) entityManager.createNativeQuery("SELECT COALESCE(SUM(declarations), 0), "
                + "COALESCE(SUM(released), 0), COALESCE(SUM(released_off_hours), 0), COALESCE(SUM(assessed_iqd), 0), "
                + "COALESCE(SUM(collected_iqd), 0) FROM revenue_day WHERE crossing_code = ?1 AND day >= ?2 AND day <= ?3")
                .setParameter(1, code).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new CrossingFigures(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), ((Number) row[2]).longValue(),
                new Totals((BigDecimal) row[3], (BigDecimal) row[4]));
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<TypeFigures> discrepancyFigures(String code, LocalDate from, LocalDate to) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT type, COUNT(*), "
                + "COUNT(*) FILTER (WHERE status IN ('OPEN', 'UNDER_REVIEW')), COALESCE(SUM(amount_at_stake_iqd), 0) "
                + "FROM discrepancy WHERE crossing_code = ?1 AND detected_at >= ?2 AND detected_at < ?3 "
                + "GROUP BY type ORDER BY type")
                .setParameter(1, code).setParameter(2, start(from)).setParameter(3, start(to.plusDays(1))).getResultList();
        return rows.stream().map(r -> new TypeFigures((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                (BigDecimal) r[3])).toList();
    }

    private OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(config.zone()).toOffsetDateTime();
    }
}
