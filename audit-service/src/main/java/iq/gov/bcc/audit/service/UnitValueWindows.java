package iq.gov.bcc.audit.service;

import iq.gov.bcc.audit.service.ReferenceStore.Observation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The unit values of each HS code and origin that one transaction asks about: read a stretch at a time,
 * kept current with the observations the transaction itself replaces, and answered from memory, in the
 * store's order (lodged_at DESC, declaration_id, line). A batch re-evaluates many declarations of the
 * same goods, and the outlier rule would otherwise read a whole window per line per evaluation.
 *
 * <p>A stretch is every row lodged within some span of time, read twice the window deep: the first one
 * read for a group is its newest rows, which serve the declarations of the day; a declaration lodged
 * before what that holds (an offline upload, or history published again) reads another one around its
 * own lodgement, which the other declarations of that upload then share.
 */
final class UnitValueWindows {

    /** Rows read per stretch: twice the window, so most later cut-offs are answered from the same rows. */
    private static final int DEPTH_IN_WINDOWS = 2;

    private static final Comparator<Value> STORE_ORDER = Comparator.comparing(Value::lodgedAt).reversed()
            .thenComparing(Value::declarationId, Stories.UUID_ORDER).thenComparingInt(Value::line);

    record Value(UUID declarationId, int line, BigDecimal valuePerKg, Instant lodgedAt) {
    }

    /**
     * Every row of a group lodged after {@code from} (or all of them, when {@code from} is null) and up
     * to {@code to} (or without end, when null), in store order; read {@code depth} rows deep.
     */
    static final class Stretch {
        final List<Value> values;
        final Instant from;
        final Instant to;
        final int depth;

        Stretch(List<Value> values, Instant from, Instant to, int depth) {
            this.values = values;
            this.from = from;
            this.to = to;
            this.depth = depth;
        }

        boolean holds(Instant lodgedAt) {
            return (from == null || lodgedAt.isAfter(from)) && (to == null || !lodgedAt.isAfter(to));
        }

        /**
         * At most {@code depth} rows again, the newest: observations added since it was read make a stretch
         * grow, and the rows lodged at the same instant as the last one kept go too, as when it was read.
         */
        Stretch trimmed() {
            if (values.size() <= depth) {
                return this;
            }
            Instant last = values.get(depth - 1).lodgedAt();
            List<Value> kept = new ArrayList<>(values.subList(0, depth));
            kept.removeIf(v -> !v.lodgedAt().isAfter(last));
            return new Stretch(kept, last, to, depth);
        }
    }

    private final ReferenceStore reference;
    /**
     * The stretches of each group; the first is always the group's newest rows. In the order the groups
     * were last used, so that what is carried to the next transaction drops the least used first.
     */
    private final Map<String, List<Stretch>> groups = new LinkedHashMap<>(16, 0.75f, true);

    UnitValueWindows(ReferenceStore reference) {
        this(reference, Map.of());
    }

    /**
     * @param carried the newest stretch of some groups as an earlier transaction left them, when nothing
     *                was written since ({@link UnitValueCache}), least recently used first
     */
    UnitValueWindows(ReferenceStore reference, Map<String, Stretch> carried) {
        this.reference = reference;
        carried.forEach((group, newest) -> groups.put(group, new ArrayList<>(List.of(newest))));
    }

    /**
     * The newest stretch of every group this transaction read or was given, kept current with what it
     * replaced and trimmed to its depth, least recently used first: what the next transaction can start
     * from if this one commits.
     */
    Map<String, Stretch> newestStretches() {
        Map<String, Stretch> newest = new LinkedHashMap<>();
        groups.forEach((group, stretches) -> {
            if (!stretches.isEmpty()) {
                newest.put(group, stretches.get(0).trimmed());
            }
        });
        return newest;
    }

    List<BigDecimal> unitValues(String hs6, String origin, UUID excludeDeclaration, OffsetDateTime lodgedAt, int window) {
        List<Stretch> stretches = groups.computeIfAbsent(key(hs6, origin), k -> new ArrayList<>());
        Instant upTo = ReferenceStore.storedPrecision(lodgedAt.toInstant());
        int depth = window * DEPTH_IN_WINDOWS;
        if (stretches.isEmpty()) {
            stretches.add(read(hs6, origin, null, depth));
        }
        for (Stretch stretch : stretches) {
            if (stretch.holds(upTo)) {
                List<BigDecimal> sample = sample(stretch, upTo, excludeDeclaration, window);
                if (sample != null) {
                    return sample;
                }
            }
        }
        Stretch around = read(hs6, origin, upTo, depth);
        stretches.add(around);
        List<BigDecimal> sample = sample(around, upTo, excludeDeclaration, window);
        // Only when the declaration itself, or many rows lodged at one instant, fill most of a stretch.
        return sample != null ? sample
                : reference.unitValues(hs6, origin, excludeDeclaration, upTo.atOffset(ZoneOffset.UTC), window);
    }

    /** The window from one stretch, or null when the stretch ends before the window is full. */
    private static List<BigDecimal> sample(Stretch stretch, Instant upTo, UUID excludeDeclaration, int window) {
        List<BigDecimal> sample = new ArrayList<>(window);
        List<Value> values = stretch.values;
        for (int i = firstLodgedBy(values, upTo); i < values.size(); i++) {
            Value v = values.get(i);
            if (v.declarationId().equals(excludeDeclaration)) {
                continue;
            }
            sample.add(v.valuePerKg());
            if (sample.size() == window) {
                return sample;
            }
        }
        return stretch.from == null ? sample : null;
    }

    /**
     * The index of the first row lodged at or before {@code upTo}: the rows are newest first, and a stretch read
     * around an earlier lodgement holds twice the window of later rows, which a scan would step over one by one.
     */
    private static int firstLodgedBy(List<Value> values, Instant upTo) {
        int low = 0;
        int high = values.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (values.get(middle).lodgedAt().isAfter(upTo)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** The transaction replaced a declaration's observations in the store. */
    void replaced(UUID declarationId, List<Observation> before, List<Observation> after) {
        for (Observation o : before) {
            for (Stretch stretch : groups.getOrDefault(key(o.hs6(), o.origin()), List.of())) {
                stretch.values.removeIf(v -> v.declarationId().equals(declarationId));
            }
        }
        for (Observation o : after) {
            for (Stretch stretch : groups.getOrDefault(key(o.hs6(), o.origin()), List.of())) {
                if (stretch.holds(o.lodgedAt())) {
                    Value value = new Value(declarationId, o.line(), o.valuePerKg().setScale(6), o.lodgedAt());
                    int at = Collections.binarySearch(stretch.values, value, STORE_ORDER);
                    stretch.values.add(at < 0 ? -at - 1 : at, value);
                }
            }
        }
    }

    /**
     * The newest {@code depth} rows lodged up to {@code upTo} (null: the newest of all) and, when
     * {@code upTo} is given, the next {@code depth} rows after it as well: a batch of offline uploads
     * comes oldest first, and its next declarations then find their windows in the same stretch.
     */
    private Stretch read(String hs6, String origin, Instant upTo, int depth) {
        List<Value> values = new ArrayList<>(reference.newestUnitValues(hs6, origin, upTo, depth));
        Instant from = null;
        if (values.size() == depth) {
            // The last lodged_at read may have more rows than the limit let in: keep only what is complete.
            Instant last = values.get(values.size() - 1).lodgedAt();
            values.removeIf(v -> !v.lodgedAt().isAfter(last));
            from = last;
        }
        Instant to = null;
        if (upTo != null) {
            List<Value> later = new ArrayList<>(reference.unitValuesAfter(hs6, origin, upTo, depth));
            if (later.size() == depth) {
                Instant last = later.get(later.size() - 1).lodgedAt();
                later.removeIf(v -> !v.lodgedAt().isBefore(last));
                // Lodgements are stored to the microsecond: everything before the last one read is complete.
                to = last.minusNanos(1);
            }
            values.addAll(later);
            values.sort(STORE_ORDER);
        }
        return new Stretch(values, from, to, depth);
    }

    private static String key(String hs6, String origin) {
        return hs6 + '|' + origin;
    }
}
