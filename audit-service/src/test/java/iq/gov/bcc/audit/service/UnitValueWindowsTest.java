package iq.gov.bcc.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import iq.gov.bcc.audit.service.ReferenceStore.Observation;
import iq.gov.bcc.audit.service.UnitValueWindows.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The windows served from memory are exactly what the store's query returns, whatever the order the
 * declarations come in and whatever the transaction replaces on the way.
 */
class UnitValueWindowsTest {

    private static final Instant DAY = Instant.parse("2026-11-01T00:00:00Z");
    private static final OffsetDateTime TODAY = DAY.plusSeconds(3_600 * 24).atOffset(ZoneOffset.UTC);
    private static final Comparator<Value> STORE_ORDER = Comparator.comparing(Value::lodgedAt).reversed()
            .thenComparing(Value::declarationId, Stories.UUID_ORDER).thenComparingInt(Value::line);

    /** The store's queries over rows in memory, with the SQL's semantics; counts the reads. */
    private static final class Store extends ReferenceStore {
        final List<Value> rows = new ArrayList<>();
        int reads;

        Store() {
            super(null, null);
        }

        private Stream<Value> ordered() {
            return rows.stream().sorted(STORE_ORDER);
        }

        @Override
        public List<BigDecimal> unitValues(String hs6, String origin, UUID exclude, OffsetDateTime lodgedAt, int window) {
            reads++;
            return ordered().filter(v -> !v.declarationId().equals(exclude) && !v.lodgedAt().isAfter(lodgedAt.toInstant()))
                    .limit(window).map(Value::valuePerKg).toList();
        }

        @Override
        List<Value> newestUnitValues(String hs6, String origin, Instant upTo, int limit) {
            reads++;
            return ordered().filter(v -> upTo == null || !v.lodgedAt().isAfter(upTo)).limit(limit).toList();
        }

        @Override
        List<Value> unitValuesAfter(String hs6, String origin, Instant after, int limit) {
            reads++;
            return rows.stream().filter(v -> v.lodgedAt().isAfter(after)).sorted(STORE_ORDER.reversed()).limit(limit)
                    .toList();
        }
    }

    @Test
    void everyWindowIsTheStoresWindowInAnyOrderOfArrival() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            Store store = new Store();
            List<UUID> declarations = history(store, random);
            UnitValueWindows windows = new UnitValueWindows(store);
            int window = 5 + random.nextInt(20);
            for (int query = 0; query < 400; query++) {
                if (random.nextInt(10) == 0) {
                    replaceSome(store, windows, declarations.get(random.nextInt(declarations.size())), random);
                }
                UUID exclude = declarations.get(random.nextInt(declarations.size()));
                // Half of the cut-offs fall on an instant rows were lodged at, as a declaration's own lodgement does.
                OffsetDateTime upTo = DAY.plusSeconds(30L * random.nextInt(250) - 30).atOffset(ZoneOffset.UTC);
                List<BigDecimal> expected = store.unitValues("721420", "IR", exclude, upTo, window);
                assertThat(windows.unitValues("721420", "IR", exclude, upTo, window))
                        .as("seed %d, query %d, up to %s, window %d", seed, query, upTo, window).isEqualTo(expected);
            }
        }
    }

    @Test
    void anUploadOldestFirstIsServedFromAFewReads() {
        Store store = new Store();
        List<Value> upload = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            Value v = new Value(UUID.randomUUID(), 1, BigDecimal.valueOf(1000 + i % 7, 0).setScale(6), DAY.plusSeconds(60L * i));
            store.rows.add(v);
            upload.add(v);
        }
        UnitValueWindows windows = new UnitValueWindows(store);
        for (Value v : upload.subList(1_000, 1_200)) {
            windows.unitValues("721420", "IR", v.declarationId(), v.lodgedAt().atOffset(ZoneOffset.UTC), 50);
        }
        assertThat(store.reads).as("200 windows from the middle of the history").isLessThanOrEqualTo(5);
    }

    @Test
    void windowsCarriedFromTransactionToTransactionStayTheStoresWindows() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            Store store = new Store();
            List<UUID> declarations = history(store, random);
            int window = 5 + random.nextInt(20);
            UnitValueCache cache = new UnitValueCache(1_000);
            String head = "head-0";
            for (int transaction = 1; transaction <= 30; transaction++) {
                UnitValueWindows windows = new UnitValueWindows(store, cache.take(head));
                for (int query = 0; query < 20; query++) {
                    int newest = 120 + transaction / 3;
                    if (random.nextInt(4) == 0) {
                        // Most new declarations of a day are the newest: the carried stretch grows past its depth.
                        UUID id = UUID.randomUUID();
                        declarations.add(id);
                        replace(store, windows, id, DAY.plusSeconds(60L * newest), random);
                    } else if (random.nextInt(4) == 0) {
                        // Amendments, some lodged at the instant where a carried stretch was cut.
                        int at = random.nextBoolean() ? newest - random.nextInt(5) : random.nextInt(newest + 1);
                        replace(store, windows, declarations.get(random.nextInt(declarations.size())),
                                DAY.plusSeconds(60L * at), random);
                    }
                    UUID exclude = declarations.get(random.nextInt(declarations.size()));
                    OffsetDateTime upTo = DAY.plusSeconds(60L * (newest - random.nextInt(newest + 2)) + 30L * random.nextInt(2))
                            .atOffset(ZoneOffset.UTC);
                    List<BigDecimal> expected = store.unitValues("721420", "IR", exclude, upTo, window);
                    assertThat(windows.unitValues("721420", "IR", exclude, upTo, window))
                            .as("seed %d, transaction %d, query %d, window %d", seed, transaction, query, window)
                            .isEqualTo(expected);
                }
                head = "head-" + transaction;
                cache.keep(windows.newestStretches(), head);
            }
        }
    }

    @Test
    void theNextBatchReadsNothingWhenTheChainDidNotMoveAndEverythingAgainWhenItDid() {
        Store store = minuteByMinute(100);
        UnitValueCache cache = new UnitValueCache(1_000);
        UnitValueWindows first = new UnitValueWindows(store, cache.take("h1"));
        List<BigDecimal> window = first.unitValues("721420", "IR", UUID.randomUUID(), TODAY, 20);
        cache.keep(first.newestStretches(), "h2");
        assertThat(store.reads).isEqualTo(1);
        // Twice the window, less the rows of the oldest instant read, which the limit may have cut.
        assertThat(cache.rows()).isEqualTo(39);

        UnitValueWindows next = new UnitValueWindows(store, cache.take("h2"));
        assertThat(next.unitValues("721420", "IR", UUID.randomUUID(), TODAY, 20)).isEqualTo(window);
        assertThat(store.reads).as("the chain is where the last batch left it").isEqualTo(1);
        assertThat(cache.rows()).as("taken: a batch that fails leaves nothing behind").isZero();
        cache.keep(next.newestStretches(), "h3");

        // Another writer committed in between (the head is not the one kept): the rows are read again.
        store.rows.add(new Value(UUID.randomUUID(), 1, BigDecimal.ONE.setScale(6), DAY.plusSeconds(60L * 500)));
        UnitValueWindows afterOther = new UnitValueWindows(store, cache.take("h4"));
        assertThat(afterOther.unitValues("721420", "IR", UUID.randomUUID(), TODAY, 20))
                .isEqualTo(store.unitValues("721420", "IR", UUID.randomUUID(), TODAY, 20)).contains(BigDecimal.ONE.setScale(6));
        assertThat(store.reads).isEqualTo(3);
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsedGroupsBeyondItsRows() {
        Store store = minuteByMinute(50);
        UnitValueCache cache = new UnitValueCache(50);
        UnitValueWindows windows = new UnitValueWindows(store, cache.take("h"));
        // The store's fake answers every group alike: 19 rows each (twice a window of 10, less the oldest instant).
        for (String origin : List.of("IR", "TR", "SA")) {
            windows.unitValues("721420", origin, UUID.randomUUID(), TODAY, 10);
        }
        windows.unitValues("721420", "IR", UUID.randomUUID(), TODAY, 10);
        cache.keep(windows.newestStretches(), "h");
        assertThat(cache.rows()).isEqualTo(38);
        assertThat(cache.take("h").keySet()).as("TR was used least recently").containsExactly("721420|SA", "721420|IR");
    }

    /** A store of one-line declarations lodged a minute apart on {@link #DAY}, each a different value. */
    private static Store minuteByMinute(int declarations) {
        Store store = new Store();
        for (int i = 0; i < declarations; i++) {
            store.rows.add(new Value(UUID.randomUUID(), 1, BigDecimal.valueOf(1000 + i, 0).setScale(6), DAY.plusSeconds(60L * i)));
        }
        return store;
    }

    /** 300 declarations of one to three lines, lodged at few distinct instants, as copies of a day are. */
    private static List<UUID> history(Store store, Random random) {
        List<UUID> declarations = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            UUID id = UUID.randomUUID();
            declarations.add(id);
            Instant at = DAY.plusSeconds(60L * random.nextInt(120));
            for (int line = 1; line <= 1 + random.nextInt(3); line++) {
                store.rows.add(new Value(id, line, BigDecimal.valueOf(random.nextInt(100_000), 3).setScale(6), at));
            }
        }
        return declarations;
    }

    /** The transaction replaces one declaration's observations: in the store, and tells the windows. */
    private static void replaceSome(Store store, UnitValueWindows windows, UUID id, Random random) {
        replace(store, windows, id, DAY.plusSeconds(60L * random.nextInt(120)), random);
    }

    @Test
    void theSweepsDropForgetsWhatWasKeptEvenAtTheSameHead() {
        UnitValueCache cache = new UnitValueCache(100);
        Value value = new Value(UUID.randomUUID(), 1, BigDecimal.TEN.setScale(6), DAY);
        cache.keep(Map.of("721420|IR", new UnitValueWindows.Stretch(new ArrayList<>(List.of(value)), null, null, 10)), "h");
        cache.drop();
        assertThat(cache.take("h")).isEmpty();
    }

    /** As {@link #replaceSome}, with one observation lodged at {@code at}; a new declaration has none before. */
    private static void replace(Store store, UnitValueWindows windows, UUID id, Instant at, Random random) {
        List<Observation> before = store.rows.stream().filter(v -> v.declarationId().equals(id))
                .map(v -> new Observation(v.line(), "721420", "IR", v.valuePerKg(), v.lodgedAt())).toList();
        store.rows.removeIf(v -> v.declarationId().equals(id));
        List<Observation> after = List.of(new Observation(1, "721420", "IR", BigDecimal.valueOf(random.nextInt(100_000), 3), at));
        after.forEach(o -> store.rows.add(new Value(id, o.line(), o.valuePerKg().setScale(6), o.lodgedAt())));
        windows.replaced(id, before, after);
    }
}
