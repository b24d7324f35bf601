package iq.gov.bcc.audit.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.audit.domain.DeclarationState;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.Discrepancy;
import iq.gov.bcc.audit.domain.Receipt;
import iq.gov.bcc.audit.domain.rules.ReferenceFacts;
import iq.gov.bcc.audit.service.ReferenceStore.Observation;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.hibernate.Session;

/**
 * The stories of the declarations one transaction touches, with their cases, states and unit-value
 * observations: read from the store once (for a whole batch of events, in a handful of queries) and
 * then kept current in memory as the transaction adds facts and receipts, so re-evaluating a
 * declaration after each of its events costs no reads. Everything the transaction writes goes through
 * here before it is flushed, so a cached story is never behind the store.
 */
public final class Stories implements ReferenceFacts {

    /** UUIDs in PostgreSQL's order (unsigned bytes), which is not {@link UUID#compareTo}'s. */
    static final Comparator<UUID> UUID_ORDER = (a, b) -> {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    };
    /** The store's order: paid at, then receipt id. */
    private static final Comparator<Receipt> RECEIPT_ORDER = Comparator.comparing((Receipt r) -> r.paidAt.toInstant())
            .thenComparing(r -> r.receiptId, UUID_ORDER);

    private final ObjectMapper json;
    private final ReferenceStore reference;
    private final RevenueDays revenueDays;
    private final RevenueDays.Changes revenue = new RevenueDays.Changes();
    private final Map<UUID, List<DeclarationStory.Fact>> facts = new HashMap<>();
    private final Map<UUID, List<Receipt>> receipts = new HashMap<>();
    private final Map<UUID, Map<String, Discrepancy>> cases = new HashMap<>();
    private final Map<UUID, DeclarationState> states = new HashMap<>();
    private final Map<UUID, List<Observation>> observations = new HashMap<>();
    private final UnitValueWindows unitValues;
    /** Receipts added in this transaction, not yet in the store. */
    private final List<Receipt> added = new ArrayList<>();
    /** Exchange rates stored in this transaction: currency, valid from, rate. */
    private final Set<String> ratesStored = new HashSet<>();
    /** Stored receipts by number, as read once in this transaction; {@link #added} completes them. */
    private final Map<String, List<Receipt>> storedByNumber = new HashMap<>();
    /** Receipt ids this transaction has asked about, and those of them stored or added. */
    private final Set<UUID> receiptIdsAsked = new HashSet<>();
    private final Set<UUID> receiptIdsKnown = new HashSet<>();

    /** @param unitValueStretches newest unit values carried from an earlier transaction ({@link UnitValueCache}) */
    Stories(ObjectMapper json, ReferenceStore reference, RevenueDays revenueDays,
            Map<String, UnitValueWindows.Stretch> unitValueStretches) {
        this.json = json;
        this.reference = reference;
        this.revenueDays = revenueDays;
        this.unitValues = new UnitValueWindows(reference, unitValueStretches);
    }

    /** The newest unit values as this transaction leaves them, for {@link UnitValueCache#keep}. */
    Map<String, UnitValueWindows.Stretch> unitValueStretches() {
        return unitValues.newestStretches();
    }

    /** A declaration's state changed: its share of the revenue roll-up goes from before to after. */
    void revenueChanged(RevenueDays.Share before, DeclarationState after) {
        revenue.replace(before, revenueDays.shareOf(after));
    }

    /** Writes what the transaction kept for the end: the revenue roll-up. Call once, before commit. */
    void write() {
        revenueDays.apply(revenue);
    }

    /** Reads the stories of these declarations that are not read yet, all at once. */
    public void load(Collection<UUID> declarationIds) {
        List<UUID> missing = declarationIds.stream().filter(id -> !facts.containsKey(id)).distinct().toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(id -> {
            facts.put(id, new ArrayList<>());
            receipts.put(id, new ArrayList<>());
            cases.put(id, new LinkedHashMap<>());
            states.put(id, null);
        });
        readFacts(missing);
        entities(Receipt.class, "receipt", "declaration_id", missing.toArray(UUID[]::new))
                .forEach(r -> receipts.get(r.declarationId).add(r));
        missing.forEach(id -> receipts.get(id).sort(RECEIPT_ORDER));
        // The duplicate-receipt rule asks for every receipt's number.
        readNumbers(missing.stream().flatMap(id -> receipts.get(id).stream()).map(r -> r.receiptNumber).toList());
        entities(Discrepancy.class, "discrepancy", "declaration_id", missing.toArray(UUID[]::new))
                .forEach(d -> cases.get(d.declarationId).put(d.dedupKey, d));
        entities(DeclarationState.class, "declaration_state", "declaration_id", missing.toArray(UUID[]::new))
                .forEach(s -> states.put(s.declarationId, s));
        observations.putAll(reference.storedObservations(missing));
    }

    public DeclarationStory story(UUID declarationId) {
        load(List.of(declarationId));
        return new DeclarationStory(declarationId, facts.get(declarationId), receipts.get(declarationId));
    }

    /** Call before the fact is stored. */
    void addFact(UUID declarationId, DeclarationStory.Fact fact) {
        load(List.of(declarationId));
        facts.get(declarationId).add(fact);
    }

    /**
     * Reads at once what a batch's payments will ask about: which of their receipts are stored already,
     * and the stored receipts that share their numbers.
     */
    public void loadReceipts(Collection<UUID> receiptIds, Collection<String> receiptNumbers) {
        List<UUID> unasked = receiptIds.stream().filter(receiptIdsAsked::add).toList();
        if (!unasked.isEmpty()) {
            receiptIdsKnown.addAll(Receipt.getEntityManager()
                    .createNativeQuery("SELECT receipt_id FROM receipt WHERE receipt_id = ANY(?1)", UUID.class)
                    .setParameter(1, unasked.toArray(UUID[]::new)).getResultList());
        }
        readNumbers(receiptNumbers);
    }

    /** Whether a receipt with this id is stored, or was added in this transaction. */
    boolean receiptKnown(UUID receiptId) {
        if (receiptIdsAsked.add(receiptId) && Receipt.findById(receiptId) != null) {
            receiptIdsKnown.add(receiptId);
        }
        return receiptIdsKnown.contains(receiptId);
    }

    private void readNumbers(Collection<String> receiptNumbers) {
        List<String> unread = receiptNumbers.stream().filter(n -> !storedByNumber.containsKey(n)).distinct().toList();
        if (unread.isEmpty()) {
            return;
        }
        unread.forEach(n -> storedByNumber.put(n, new ArrayList<>()));
        entities(Receipt.class, "receipt", "receipt_number", unread.toArray(String[]::new))
                .forEach(r -> storedByNumber.get(r.receiptNumber).add(r));
    }

    /** Call when the receipt is persisted. */
    void addReceipt(Receipt receipt) {
        receiptIdsAsked.add(receipt.receiptId);
        receiptIdsKnown.add(receipt.receiptId);
        load(List.of(receipt.declarationId));
        List<Receipt> of = receipts.get(receipt.declarationId);
        of.add(receipt);
        of.sort(RECEIPT_ORDER);
        added.add(receipt);
    }

    /** The declaration's cases by their key; a case raised in this transaction is added by the caller. */
    Map<String, Discrepancy> cases(UUID declarationId) {
        load(List.of(declarationId));
        return cases.get(declarationId);
    }

    Optional<DeclarationState> state(UUID declarationId) {
        load(List.of(declarationId));
        return Optional.ofNullable(states.get(declarationId));
    }

    void addState(DeclarationState state) {
        states.put(state.declarationId, state);
    }

    /** Stores the observations of the declaration's latest assessment, when they differ from those stored. */
    void observe(DeclarationStory story) {
        List<Observation> now = reference.observationsOf(story);
        load(List.of(story.declarationId()));
        List<Observation> before = observations.get(story.declarationId());
        if (!now.equals(before)) {
            reference.replaceObservations(story.declarationId(), before, now);
            unitValues.replaced(story.declarationId(), before, now);
            observations.put(story.declarationId(), now);
        }
    }

    /**
     * Stores an exchange rate an assessment used, where no rate for that day is stored; true when it was
     * (and this transaction did not store it already), so receipts paid under it are converted. It never
     * replaces a stored rate: the tariff topic's rates, corrections included, are the word on rates, and an
     * assessment made before a correction may be consumed after it.
     */
    boolean rateLearnt(String currency, LocalDate validFrom, BigDecimal rateToIqd) {
        if (!ratesStored.add(currency + " " + validFrom + " " + rateToIqd.stripTrailingZeros().toPlainString())) {
            return false;
        }
        return reference.storeRateIfAbsent(currency, validFrom, rateToIqd);
    }

    /** Receipts in a currency paid from {@code from} (inclusive) until {@code until} (exclusive; none when null). */
    List<Receipt> receiptsPaidIn(String currency, OffsetDateTime from, OffsetDateTime until) {
        Predicate<Receipt> paidThen = r -> currency.equals(r.currency) && !r.paidAt.isBefore(from)
                && (until == null || r.paidAt.isBefore(until));
        List<Receipt> stored = until == null
                ? Receipt.list("currency = ?1 and paidAt >= ?2", currency, from)
                : Receipt.list("currency = ?1 and paidAt >= ?2 and paidAt < ?3", currency, from, until);
        return merged(stored, paidThen);
    }

    @Override
    public List<Receipt> receiptsNumbered(String receiptNumber) {
        return merged(storedByNumber.computeIfAbsent(receiptNumber, Receipt::withNumber),
                r -> receiptNumber.equals(r.receiptNumber));
    }

    @Override
    public List<BigDecimal> unitValues(String hs6, String origin, UUID excludeDeclaration, OffsetDateTime lodgedAt, int window) {
        return unitValues.unitValues(hs6, origin, excludeDeclaration, lodgedAt, window);
    }

    @Override
    public Optional<Licence> licence(String number) {
        return reference.licence(number);
    }

    private List<Receipt> merged(List<Receipt> stored, Predicate<Receipt> matches) {
        Map<UUID, Receipt> all = new LinkedHashMap<>();
        stored.stream().filter(matches).forEach(r -> all.put(r.receiptId, r));
        added.stream().filter(matches).forEach(r -> all.putIfAbsent(r.receiptId, r));
        return all.values().stream().sorted(RECEIPT_ORDER).toList();
    }

    /**
     * A story's stored facts, in the order they were consumed. A projection, not entities: stored facts never
     * change, so the session need not watch them. Sorted here, not by the query, so that PostgreSQL reads the
     * declarations' index rather than every fact by id.
     */
    private void readFacts(List<UUID> declarationIds) {
        record Row(long id, UUID declarationId, DeclarationStory.Fact fact) {
        }
        List<Row> rows = new ArrayList<>();
        Discrepancy.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT id, declaration_id, event_type, data, "
                    + "recorded_at FROM correlation_fact WHERE declaration_id = ANY(?)")) {
                select.setArray(1, connection.createArrayOf("uuid", declarationIds.toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        rows.add(new Row(row.getLong(1), row.getObject(2, UUID.class), new DeclarationStory.Fact(
                                row.getString(3), read(row.getString(4)), row.getObject(5, OffsetDateTime.class))));
                    }
                }
            }
        });
        rows.sort(Comparator.comparingLong(Row::id));
        rows.forEach(row -> facts.get(row.declarationId()).add(row.fact()));
    }

    /**
     * The entities whose column holds one of the values, managed by the transaction's session. One array
     * parameter, not an IN list: Hibernate would translate its query again for every length of the list.
     */
    @SuppressWarnings("unchecked")
    private static <T> List<T> entities(Class<T> entity, String table, String column, Object[] values) {
        return Discrepancy.getEntityManager()
                .createNativeQuery("SELECT * FROM " + table + " WHERE " + column + " = ANY(?1)", entity)
                .setParameter(1, values).getResultList();
    }

    private JsonNode read(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored fact is not JSON", e);
        }
    }
}
