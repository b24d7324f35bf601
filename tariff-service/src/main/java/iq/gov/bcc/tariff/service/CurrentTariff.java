package iq.gov.bcc.tariff.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import iq.gov.bcc.tariff.config.TariffConfig;
import iq.gov.bcc.tariff.domain.DutyExpression;
import iq.gov.bcc.tariff.domain.DutyType;
import iq.gov.bcc.tariff.domain.GeographicalArea;
import iq.gov.bcc.tariff.domain.Measure;
import iq.gov.bcc.tariff.domain.OriginScope;
import iq.gov.bcc.tariff.domain.SpecificUnit;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The measures and exchange rates the service believes now (the current version of each, every validity
 * period), held in memory so that an assessment costs one primary-key read instead of a measure query and
 * a rate query per item.
 *
 * <p>Invalidation: the {@code tariff_revision} row (V3 migration) is bumped by a trigger in every
 * transaction that writes {@code measure} or {@code exchange_rate}, so its new value is visible when, and
 * only when, the change commits. {@link #current()} reads that row in the caller's transaction; if the copy
 * in memory was loaded at an older revision, it is reloaded before the caller goes on (one thread reloads,
 * the others wait for it).
 * <ul>
 * <li>A change made through this instance ({@link MeasureService}, {@link ExchangeRateService}) calls
 * {@link #changedInThisTransaction()}: once it commits, the very next assessment re-reads the revision.</li>
 * <li>A change committed elsewhere (another replica, SQL) is seen by the first assessment that re-reads the
 * revision, at most {@code bcc.tariff.current.max-staleness} after the previous read (default 100 ms;
 * 0 re-reads it for every assessment). Between re-reads an assessment costs no database round trip.</li>
 * </ul>
 *
 * <p>The reload reads revision, measures and rates in one REPEATABLE READ transaction on a dedicated
 * connection outside the pool: it sees only committed data, the three agree with each other, and threads
 * waiting for it while holding pooled connections cannot exhaust the pool it needs.
 *
 * <p>Questions about other times ({@code GET /measures?asKnownAt=}) still go to the database.
 */
@ApplicationScoped
public class CurrentTariff {

    private static final Logger LOG = Logger.getLogger(CurrentTariff.class);

    /** One current measure version, immutable; what an assessment needs of it. */
    public record MeasureVersion(UUID measureId, int version, String hsPrefix, OriginScope originScope,
            String originCode, Set<String> excluded, DutyExpression expression, LocalDate validFrom,
            LocalDate validTo, String legalBasis) {

        /** The same rule as {@link Measure#appliesToOrigin}. */
        public boolean appliesToOrigin(String country) {
            if (country != null && excluded.contains(country)) {
                return false;
            }
            return switch (originScope) {
                case ALL -> true;
                case GROUP -> GeographicalArea.contains(originCode, country);
                case COUNTRY -> originCode.equals(country);
            };
        }

        public boolean validOn(LocalDate day) {
            return !validFrom.isAfter(day) && (validTo == null || validTo.isAfter(day));
        }
    }

    /** One current exchange rate to IQD. */
    public record Rate(String currency, BigDecimal rateToIqd, LocalDate validFrom, LocalDate validTo) {
    }

    /** The tariff as of one revision. Immutable, shared by every thread. */
    public static final class Snapshot {

        static final Snapshot NONE = new Snapshot(Long.MIN_VALUE, Map.of(), Map.of(), 0);

        private final long revision;
        private final Map<String, MeasureVersion[]> byPrefix;
        private final Map<String, Rate[]> rates;
        private final int measureCount;

        Snapshot(long revision, Map<String, MeasureVersion[]> byPrefix, Map<String, Rate[]> rates, int measureCount) {
            this.revision = revision;
            this.byPrefix = byPrefix;
            this.rates = rates;
            this.measureCount = measureCount;
        }

        public long revision() {
            return revision;
        }

        public int measureCount() {
            return measureCount;
        }

        /**
         * The measure applied to {@code hsCode} from {@code originCountry} on {@code day}: the same choice as
         * the first of {@link MeasureService#inForce} asked as known now — longest HS prefix, then country over
         * group over ALL, then the latest start, then the lower measure id.
         */
        public Optional<MeasureVersion> select(String hsCode, String originCountry, LocalDate day) {
            for (int length = hsCode.length() - hsCode.length() % 2; length >= 2; length -= 2) {
                MeasureVersion[] candidates = byPrefix.get(hsCode.substring(0, length));
                if (candidates == null) {
                    continue;
                }
                MeasureVersion best = null;
                for (MeasureVersion m : candidates) {
                    if (!m.validOn(day) || (originCountry != null && !m.appliesToOrigin(originCountry))) {
                        continue;
                    }
                    if (best == null || moreSpecific(m, best)) {
                        best = m;
                    }
                }
                if (best != null) {
                    return Optional.of(best);
                }
            }
            return Optional.empty();
        }

        /** Same prefix: country over group over ALL, then the latest start, then the lower measure id. */
        private static boolean moreSpecific(MeasureVersion m, MeasureVersion than) {
            int bySpecificity = Integer.compare(m.originScope().specificity(), than.originScope().specificity());
            if (bySpecificity != 0) {
                return bySpecificity > 0;
            }
            int byStart = m.validFrom().compareTo(than.validFrom());
            if (byStart != 0) {
                return byStart > 0;
            }
            return m.measureId().compareTo(than.measureId()) < 0;
        }

        /** The same choice as {@link ExchangeRateService#inForce}: the latest validFrom on or before the day. */
        public Optional<Rate> rate(String currency, LocalDate day) {
            Rate[] candidates = rates.get(currency);
            if (candidates != null) {
                for (Rate r : candidates) { // latest validFrom first
                    if (!r.validFrom().isAfter(day) && (r.validTo() == null || r.validTo().isAfter(day))) {
                        return Optional.of(r);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private final String url;
    private final String user;
    private final Optional<String> password;
    private final long maxStalenessNanos;
    private final TransactionSynchronizationRegistry transactions;
    private final Timer reloads;
    private final AtomicInteger loadedMeasures = new AtomicInteger();
    /** Changes committed through this instance; a snapshot checked before the latest one is not trusted. */
    private final AtomicLong localChanges = new AtomicLong();
    private final Object reloadLock = new Object();
    private final AtomicReference<Checked> checked = new AtomicReference<>(new Checked(Snapshot.NONE, 0, -1));
    private Connection reloadConnection;

    /** A snapshot, when its revision was last confirmed against the database, and the local changes seen then. */
    private record Checked(Snapshot snapshot, long checkedAtNanos, long localChangesSeen) {
    }

    CurrentTariff(@ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password,
            TariffConfig config, TransactionSynchronizationRegistry transactions, MeterRegistry meters) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.maxStalenessNanos = config.currentMaxStaleness().toNanos();
        this.transactions = transactions;
        this.reloads = Timer.builder("bcc.tariff.current.reloads")
                .description("Reloads of the in-memory current measures and rates after a change").register(meters);
        meters.gauge("bcc.tariff.current.measures", loadedMeasures);
    }

    /**
     * The current tariff: the copy in memory if its revision was confirmed less than the maximum staleness ago
     * and nothing changed through this instance since; otherwise confirmed against the database's revision in
     * the caller's transaction (one primary-key read) and reloaded first if it has moved.
     */
    public Snapshot current() {
        Checked last = checked.get();
        long now = System.nanoTime();
        if (maxStalenessNanos > 0 && last.localChangesSeen == localChanges.get()
                && now - last.checkedAtNanos < maxStalenessNanos) {
            return last.snapshot;
        }
        long changesSeen = localChanges.get();
        long revision = Measure.getEntityManager().unwrap(Session.class).doReturningWork(CurrentTariff::revision);
        Snapshot held = checked.get().snapshot;
        if (held.revision >= revision) {
            confirm(held, now, changesSeen);
            return held;
        }
        synchronized (reloadLock) {
            held = checked.get().snapshot;
            if (held.revision >= revision) {
                confirm(held, now, changesSeen);
                return held;
            }
            long start = System.nanoTime();
            Snapshot loaded = load();
            confirm(loaded, now, changesSeen);
            loadedMeasures.set(loaded.measureCount);
            long nanos = System.nanoTime() - start;
            reloads.record(nanos, TimeUnit.NANOSECONDS);
            LOG.debugf("Loaded %d current measure versions at tariff revision %d in %d ms", loaded.measureCount,
                    loaded.revision, nanos / 1_000_000);
            return loaded;
        }
    }

    /** Never replaces a newer snapshot with an older one (two threads may confirm concurrently). */
    private void confirm(Snapshot snapshot, long checkedAtNanos, long changesSeen) {
        checked.updateAndGet(old -> old.snapshot.revision > snapshot.revision ? old
                : new Checked(snapshot, checkedAtNanos, changesSeen));
    }

    /**
     * Called by a transaction that writes measures or exchange rates: when it commits, the next
     * {@link #current()} on this instance re-reads the revision, whatever the maximum staleness.
     */
    public void changedInThisTransaction() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    localChanges.incrementAndGet();
                }
            }
        });
    }

    private static long revision(Connection connection) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT revision FROM tariff_revision WHERE id = 1");
                ResultSet rs = s.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("tariff_revision has no row: the V3 migration did not run");
            }
            return rs.getLong(1);
        }
    }

    private Snapshot load() {
        try {
            Connection c = connection();
            try {
                Snapshot loaded = read(c);
                c.commit();
                return loaded;
            } catch (SQLException | RuntimeException e) {
                closeConnection();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("current measures and rates could not be loaded", e);
        }
    }

    private static Snapshot read(Connection c) throws SQLException {
        long revision = revision(c);
        Map<String, List<MeasureVersion>> byPrefix = new HashMap<>();
        int count = 0;
        try (Statement s = c.createStatement()) {
            s.setFetchSize(5_000);
            try (ResultSet rs = s.executeQuery("SELECT measure_id, version, hs_prefix, origin_scope, origin_code, "
                    + "excluded_countries, duty_type, ad_valorem_percent, specific_amount_iqd, specific_unit, "
                    + "minimum_iqd, maximum_iqd, valid_from, valid_to, legal_basis FROM measure "
                    + "WHERE superseded_at IS NULL ORDER BY hs_prefix, valid_from, measure_id")) {
                while (rs.next()) {
                    String excluded = rs.getString(6);
                    String unit = rs.getString(10);
                    MeasureVersion m = new MeasureVersion(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
                            OriginScope.valueOf(rs.getString(4)), rs.getString(5),
                            excluded == null || excluded.isBlank() ? Set.of() : Set.of(excluded.split(",")),
                            new DutyExpression(DutyType.valueOf(rs.getString(7)), rs.getBigDecimal(8),
                                    rs.getBigDecimal(9), unit == null ? null : SpecificUnit.valueOf(unit),
                                    rs.getBigDecimal(11), rs.getBigDecimal(12)),
                            rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class), rs.getString(15));
                    byPrefix.computeIfAbsent(m.hsPrefix(), k -> new ArrayList<>(2)).add(m);
                    count++;
                }
            }
        }
        Map<String, List<Rate>> rates = new HashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT currency, rate_to_iqd, valid_from, valid_to FROM exchange_rate "
                        + "WHERE superseded_at IS NULL ORDER BY currency, valid_from DESC")) {
            while (rs.next()) {
                Rate r = new Rate(rs.getString(1), rs.getBigDecimal(2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class));
                rates.computeIfAbsent(r.currency(), k -> new ArrayList<>()).add(r);
            }
        }
        Map<String, MeasureVersion[]> prefixIndex = new HashMap<>(byPrefix.size() * 2);
        byPrefix.forEach((prefix, list) -> prefixIndex.put(prefix, list.toArray(MeasureVersion[]::new)));
        Map<String, Rate[]> rateIndex = new HashMap<>();
        rates.forEach((currency, list) -> {
            Rate[] sorted = list.toArray(Rate[]::new);
            Arrays.sort(sorted, Comparator.comparing(Rate::validFrom).reversed());
            rateIndex.put(currency, sorted);
        });
        return new Snapshot(revision, prefixIndex, rateIndex, count);
    }

    private Connection connection() throws SQLException {
        if (reloadConnection == null || reloadConnection.isClosed()) {
            Properties properties = new Properties();
            properties.setProperty("user", user);
            password.ifPresent(p -> properties.setProperty("password", p));
            properties.setProperty("ApplicationName", "tariff-service current-tariff reload");
            Connection c = new org.postgresql.Driver().connect(url, properties);
            if (c == null) {
                throw new SQLException("not a PostgreSQL JDBC URL: " + url);
            }
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            reloadConnection = c;
        }
        return reloadConnection;
    }

    private void closeConnection() {
        if (reloadConnection != null) {
            try {
                reloadConnection.close();
            } catch (SQLException e) {
                LOG.debug("closing the reload connection failed", e);
            }
            reloadConnection = null;
        }
    }

    @PreDestroy
    void close() {
        synchronized (reloadLock) {
            closeConnection();
        }
    }
}
