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
            List<UUID> declarations = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                UUID id = UUID.randomUUID();
                declarations.add(id);
                // Few distinct instants: many rows share a lodgement, as copies of a day do.
                Instant at = DAY.plusSeconds(60L * random.nextInt(120));
                for (int line = 1; line <= 1 + random.nextInt(3); line++) {
                    store.rows.add(new Value(id, line, BigDecimal.valueOf(random.nextInt(100_000), 3).setScale(6), at));
                }
            }
            UnitValueWindows windows = new UnitValueWindows(store);
            int window = 5 + random.nextInt(20);
            for (int query = 0; query < 400; query++) {
                if (random.nextInt(10) == 0) {
                    replaceSome(store, windows, declarations.get(random.nextInt(declarations.size())), random);
                }
                UUID exclude = declarations.get(random.nextInt(declarations.size()));
                OffsetDateTime upTo = DAY.plusSeconds(60L * random.nextInt(125) - 30).atOffset(ZoneOffset.UTC);
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

    /** The transaction replaces one declaration's observations: in the store, and tells the windows. */
    private static void replaceSome(Store store, UnitValueWindows windows, UUID id, Random random) {
        List<Observation> before = store.rows.stream().filter(v -> v.declarationId().equals(id))
                .map(v -> new Observation(v.line(), "721420", "IR", v.valuePerKg(), v.lodgedAt())).toList();
        store.rows.removeIf(v -> v.declarationId().equals(id));
        Instant at = DAY.plusSeconds(60L * random.nextInt(120));
        List<Observation> after = List.of(new Observation(1, "721420", "IR", BigDecimal.valueOf(random.nextInt(100_000), 3), at));
        after.forEach(o -> store.rows.add(new Value(id, o.line(), o.valuePerKg().setScale(6), o.lodgedAt())));
        windows.replaced(id, before, after);
    }
}
