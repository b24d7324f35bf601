package iq.gov.bcc.audit.service;

import iq.gov.bcc.audit.service.ReferenceStore.Observation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The newest unit values of each HS code and origin that one transaction asks about: read once, kept
 * current with the observations the transaction itself replaces, and answered from memory, in the
 * store's order (lodged_at DESC, declaration_id, line), whenever the rows read reach back far enough;
 * otherwise the store is asked. A batch re-evaluates many declarations of the same goods, and the
 * outlier rule would otherwise read a whole window per line per evaluation.
 */
final class UnitValueWindows {

    /** Rows read per group: twice the window, so most "lodged up to" cut-offs are answered from memory. */
    private static final int DEPTH_IN_WINDOWS = 2;

    private static final Comparator<Value> STORE_ORDER = Comparator.comparing(Value::lodgedAt).reversed()
            .thenComparing(Value::declarationId, Stories.UUID_ORDER).thenComparingInt(Value::line);

    record Value(UUID declarationId, int line, BigDecimal valuePerKg, Instant lodgedAt) {
    }

    /** A group's newest rows; complete for every lodged_at after {@code since}, or entirely when {@code whole}. */
    private static final class Group {
        final List<Value> values;
        final boolean whole;
        final Instant since;

        Group(List<Value> values, boolean whole, Instant since) {
            this.values = values;
            this.whole = whole;
            this.since = since;
        }

        boolean covers(Instant lodgedAt) {
            return whole || lodgedAt.isAfter(since);
        }
    }

    private final ReferenceStore reference;
    private final Map<String, Group> groups = new HashMap<>();

    UnitValueWindows(ReferenceStore reference) {
        this.reference = reference;
    }

    List<BigDecimal> unitValues(String hs6, String origin, UUID excludeDeclaration, OffsetDateTime lodgedAt, int window) {
        Group group = groups.computeIfAbsent(key(hs6, origin), k -> load(hs6, origin, window * DEPTH_IN_WINDOWS));
        Instant upTo = lodgedAt.toInstant();
        List<BigDecimal> sample = new ArrayList<>(window);
        for (Value v : group.values) {
            if (v.lodgedAt().isAfter(upTo) || v.declarationId().equals(excludeDeclaration)) {
                continue;
            }
            sample.add(v.valuePerKg());
            if (sample.size() == window) {
                return sample;
            }
        }
        return group.whole ? sample : reference.unitValues(hs6, origin, excludeDeclaration, lodgedAt, window);
    }

    /** The transaction replaced a declaration's observations in the store. */
    void replaced(UUID declarationId, List<Observation> before, List<Observation> after) {
        for (Observation o : before) {
            Group group = groups.get(key(o.hs6(), o.origin()));
            if (group != null) {
                group.values.removeIf(v -> v.declarationId().equals(declarationId));
            }
        }
        for (Observation o : after) {
            Group group = groups.get(key(o.hs6(), o.origin()));
            if (group != null && group.covers(o.lodgedAt())) {
                Value value = new Value(declarationId, o.line(), o.valuePerKg().setScale(6), o.lodgedAt());
                int at = java.util.Collections.binarySearch(group.values, value, STORE_ORDER);
                group.values.add(at < 0 ? -at - 1 : at, value);
            }
        }
    }

    private Group load(String hs6, String origin, int depth) {
        List<Value> values = new ArrayList<>(reference.newestUnitValues(hs6, origin, depth));
        if (values.size() < depth) {
            return new Group(values, true, null);
        }
        // The last lodged_at read may have more rows than the limit let in: keep only what is complete.
        Instant since = values.get(values.size() - 1).lodgedAt();
        values.removeIf(v -> !v.lodgedAt().isAfter(since));
        return new Group(values, false, since);
    }

    private static String key(String hs6, String origin) {
        return hs6 + '|' + origin;
    }
}
