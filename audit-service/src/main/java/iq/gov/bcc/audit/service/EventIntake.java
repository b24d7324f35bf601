package iq.gov.bcc.audit.service;

import static iq.gov.bcc.platform.event.EventCatalog.ASSESSMENT_COMPLETED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_AMENDED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_FILED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_INSPECTED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_RELEASED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_TRANSIT_EXITED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_WEIGHED;
import static iq.gov.bcc.platform.event.EventCatalog.EXCHANGE_RATE_PUBLISHED;
import static iq.gov.bcc.platform.event.EventCatalog.LICENCE_ISSUED;
import static iq.gov.bcc.platform.event.EventCatalog.LICENCE_REVOKED;
import static iq.gov.bcc.platform.event.EventCatalog.PAYMENT_RECORDED;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iq.gov.bcc.audit.config.AuditConfig;
import iq.gov.bcc.audit.domain.CorrelationFact;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.Receipt;
import iq.gov.bcc.platform.inbox.Inbox;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Takes consumed CloudEvents into the correlation store, a poll's batch in one transaction: for each
 * event the inbox row (so a redelivery does nothing), the ledger entry, the fact, and the
 * re-evaluation of every declaration the fact touches, right after it, as if the events had come one
 * at a time; the inbox rows, facts and ledger entries are written in batches. The newest unit values
 * of the outlier rule are carried from one batch to the next ({@link UnitValueCache}).
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final ObjectMapper json;
    private final Inbox inbox;
    private final Ledger ledger;
    private final ReferenceStore reference;
    private final DiscrepancyEngine engine;
    private final AuditConfig config;
    private final MeterRegistry meters;
    private final EntityManager entityManager;
    private final UnitValueCache unitValueCache;

    EventIntake(ObjectMapper json, Inbox inbox, Ledger ledger, ReferenceStore reference, DiscrepancyEngine engine,
            AuditConfig config, MeterRegistry meters, EntityManager entityManager, UnitValueCache unitValueCache) {
        this.unitValueCache = unitValueCache;
        this.meters = meters;
        this.entityManager = entityManager;
        this.json = json;
        this.inbox = inbox;
        this.ledger = ledger;
        this.reference = reference;
        this.engine = engine;
        this.config = config;
    }

    /** One record as it came off a topic. */
    public record Delivery(String topic, String payload) {
    }

    /**
     * An event read from a delivery, with its times parsed and the texts it will be stored as (its ledger entry,
     * its data) written before the ledger lock is taken, while another consumer may hold it.
     */
    private record Received(String topic, JsonNode event, UUID eventId, String type, JsonNode data, OffsetDateTime occurredAt,
            OffsetDateTime recordedAt, OffsetDateTime trigger, String ledgerEntry, String dataText) {
    }

    /**
     * Takes a batch of events, in order, in the caller's transaction; throws {@link PoisonEventException}
     * if any of them cannot be read, and then nothing of the batch is kept.
     *
     * @return how many of them were consumed for the first time
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int consume(List<Delivery> deliveries) {
        List<Received> received = deliveries.stream().map(this::receive).toList();
        // Reads in the batch come from Stories, which is kept current in memory, so the session need not
        // flush (and dirty-check everything it holds) before each query: it flushes once, at commit.
        entityManager.unwrap(Session.class).setHibernateFlushMode(FlushMode.COMMIT);
        String head = ledger.lock();
        Set<UUID> first = new HashSet<>(inbox.firstDeliveries(received.stream()
                .map(r -> new Inbox.Delivery(r.eventId(), r.type())).toList()));
        Stories stories = engine.stories(unitValueCache.take(head));
        stories.load(received.stream().filter(r -> first.contains(r.eventId())).map(this::declarationOf)
                .flatMap(Optional::stream).toList());
        List<Received> payments = received.stream().filter(r -> PAYMENT_RECORDED.equals(r.type()))
                .filter(r -> first.contains(r.eventId())).toList();
        // Read leniently: a payment that lacks these is refused, with its reason, when it is applied.
        stories.loadReceipts(payments.stream().map(r -> r.data().path("receiptId").asText())
                        .map(EventIntake::uuidOrNull).filter(Objects::nonNull).toList(),
                payments.stream().map(r -> r.data().path("receiptNumber").asText()).filter(n -> !n.isBlank()).toList());
        List<String> entries = new ArrayList<>();
        List<CorrelationFact> facts = new ArrayList<>();
        for (Received r : received) {
            if (!first.remove(r.eventId())) {
                meters.counter("bcc.audit.events.redelivered", "topic", r.topic()).increment();
                continue;
            }
            meters.counter("bcc.audit.events.consumed", "topic", r.topic()).increment();
            entries.add(r.ledgerEntry());
            apply(r, stories, facts);
        }
        storeFacts(facts);
        stories.write();
        unitValueCache.keep(stories.unitValueStretches(), ledger.appendAll(entries));
        return entries.size();
    }

    private static UUID uuidOrNull(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Received receive(Delivery delivery) {
        JsonNode event = parse(delivery.payload());
        UUID eventId = uuid(event.path("id"), "id");
        String type = required(event, "type");
        JsonNode data = event.path("data");
        if (!data.isObject()) {
            throw new PoisonEventException("event " + eventId + " has no data object");
        }
        OffsetDateTime recordedAt = time(event, "recordedat").orElse(null);
        // A fact keeps its time; any other event needs it only when it has no recordedat.
        OffsetDateTime occurredAt = aboutDeclaration(type) || recordedAt == null ? time(event, "time").orElse(null) : null;
        OffsetDateTime trigger = recordedAt != null ? recordedAt
                : occurredAt != null ? occurredAt : OffsetDateTime.now(ZoneOffset.UTC);
        ObjectNode entry = json.createObjectNode();
        entry.put("kind", "event");
        entry.put("topic", delivery.topic());
        entry.set("event", event);
        Received received = new Received(delivery.topic(), event, eventId, type, data, occurredAt, recordedAt, trigger,
                entry.toString(), data.toString());
        declarationOf(received);
        return received;
    }

    /** The declaration an event is about; empty for reference facts (rates, licences). */
    private Optional<UUID> declarationOf(Received r) {
        return aboutDeclaration(r.type()) ? Optional.of(declarationId(r.event(), r.data())) : Optional.empty();
    }

    /** Whether events of this type are facts of one declaration's story. */
    private static boolean aboutDeclaration(String type) {
        return switch (type) {
            case DECLARATION_FILED, DECLARATION_AMENDED, DECLARATION_WEIGHED, DECLARATION_INSPECTED,
                    DECLARATION_RELEASED, DECLARATION_TRANSIT_EXITED, PAYMENT_RECORDED, ASSESSMENT_COMPLETED -> true;
            default -> false;
        };
    }

    private void apply(Received r, Stories stories, List<CorrelationFact> facts) {
        switch (r.type()) {
            case DECLARATION_FILED, DECLARATION_AMENDED, DECLARATION_WEIGHED, DECLARATION_INSPECTED,
                    DECLARATION_RELEASED, DECLARATION_TRANSIT_EXITED -> declarationFact(r, stories, facts);
            case PAYMENT_RECORDED -> payment(r, stories, facts);
            case ASSESSMENT_COMPLETED -> assessment(r, stories, facts);
            case EXCHANGE_RATE_PUBLISHED -> exchangeRate(r, stories);
            case LICENCE_ISSUED, LICENCE_REVOKED -> licence(r, stories);
            default -> LOG.debugf("event %s of type %s is kept in the ledger only", r.eventId(), r.type());
        }
    }

    private void declarationFact(Received r, Stories stories, List<CorrelationFact> facts) {
        UUID declarationId = declarationId(r.event(), r.data());
        storeFact(r, declarationId, stories, facts);
        if (r.data().path("items").isArray()) {
            for (JsonNode item : r.data().path("items")) {
                String licence = DeclarationStory.text(item, "exemptionLicence");
                if (!licence.isEmpty()) {
                    reference.recordExemptionUse(licence, declarationId);
                }
            }
        }
        engine.evaluate(declarationId, r.trigger(), stories);
    }

    private void payment(Received r, Stories stories, List<CorrelationFact> facts) {
        JsonNode data = r.data();
        UUID declarationId = declarationId(r.event(), data);
        UUID receiptId = uuid(data.path("receiptId"), "data.receiptId");
        String number = required(data, "receiptNumber");
        storeFact(r, declarationId, stories, facts);
        if (!stories.receiptKnown(receiptId)) {
            Receipt receipt = new Receipt();
            receipt.receiptId = receiptId;
            receipt.receiptNumber = number;
            receipt.crossingCode = DeclarationStory.text(data, "crossingCode").isEmpty()
                    ? r.event().path("crossingcode").asText() : DeclarationStory.text(data, "crossingCode");
            receipt.declarationId = declarationId;
            receipt.declarationKnown = !data.path("declarationKnown").isBoolean() || data.path("declarationKnown").asBoolean();
            receipt.amount = decimal(data.path("amount").path("amount"), "data.amount.amount");
            receipt.currency = required(data.path("amount"), "currency");
            receipt.method = DeclarationStory.text(data, "method");
            receipt.paidAt = time(data, "paidAt").orElseThrow(() -> new PoisonEventException("data.paidAt is required"));
            receipt.recordedAt = r.trigger();
            receipt.amountIqd = reference.toIqd(receipt.amount, receipt.currency, receiptDay(receipt)).orElse(null);
            receipt.persist();
            stories.addReceipt(receipt);
        }
        Set<UUID> touched = new LinkedHashSet<>();
        touched.add(declarationId);
        stories.receiptsNumbered(number).forEach(receipt -> touched.add(receipt.declarationId));
        touched.forEach(id -> engine.evaluate(id, r.trigger(), stories));
    }

    private void assessment(Received r, Stories stories, List<CorrelationFact> facts) {
        UUID declarationId = declarationId(r.event(), r.data());
        storeFact(r, declarationId, stories, facts);
        Set<UUID> touched = new LinkedHashSet<>();
        touched.add(declarationId);
        for (JsonNode item : r.data().path("items")) {
            JsonNode rate = item.path("exchangeRate");
            if (rate.isObject() && !DeclarationStory.text(rate, "currency").isEmpty()
                    && !DeclarationStory.text(rate, "validFrom").isEmpty()) {
                String currency = rate.path("currency").asText();
                LocalDate validFrom = LocalDate.parse(rate.path("validFrom").asText());
                BigDecimal rateToIqd = DeclarationStory.decimal(rate.path("rateToIqd"));
                if (stories.rateLearnt(currency, validFrom, rateToIqd)) {
                    touched.addAll(convertReceipts(currency, validFrom, rateToIqd, stories));
                }
            }
        }
        touched.forEach(id -> engine.evaluate(id, r.trigger(), stories));
    }

    private void exchangeRate(Received r, Stories stories) {
        JsonNode data = r.data();
        String currency = required(data, "currency");
        String validFrom = required(data, "validFrom");
        BigDecimal rate = decimal(data.has("rateToIqd") ? data.path("rateToIqd") : data.path("rate"), "data.rateToIqd");
        LocalDate from = LocalDate.parse(validFrom.substring(0, 10));
        if (reference.storeRate(currency, from, rate)) {
            convertReceipts(currency, from, rate, stories).forEach(id -> engine.evaluate(id, r.trigger(), stories));
        }
    }

    private void licence(Received r, Stories stories) {
        String number = required(r.data(), "number");
        reference.storeLicence(r.data());
        reference.declarationsUsing(number).forEach(id -> engine.evaluate(id, r.trigger(), stories));
    }

    /**
     * A new or corrected rate applies to the receipts in its currency paid from its first day (in the audit
     * zone) until the next rate's: receipts that had no rate yet, and receipts converted at an older one.
     * Returns the declarations whose receipts changed.
     */
    private Set<UUID> convertReceipts(String currency, LocalDate validFrom, BigDecimal rateToIqd, Stories stories) {
        OffsetDateTime until = reference.nextRateFrom(currency, validFrom).map(this::startOf).orElse(null);
        Set<UUID> touched = new LinkedHashSet<>();
        for (Receipt receipt : stories.receiptsPaidIn(currency, startOf(validFrom), until)) {
            BigDecimal iqd = ReferenceStore.convert(receipt.amount, rateToIqd);
            if (receipt.amountIqd == null || receipt.amountIqd.compareTo(iqd) != 0) {
                receipt.amountIqd = iqd;
                touched.add(receipt.declarationId);
            }
        }
        return touched;
    }

    private OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(config.zone()).toOffsetDateTime();
    }

    private LocalDate receiptDay(Receipt receipt) {
        return receipt.paidAt.atZoneSameInstant(config.zone()).toLocalDate();
    }

    private void storeFact(Received r, UUID declarationId, Stories stories, List<CorrelationFact> facts) {
        CorrelationFact fact = new CorrelationFact();
        fact.eventId = r.eventId();
        fact.declarationId = declarationId;
        fact.topic = r.topic();
        fact.eventType = r.type();
        fact.crossingCode = DeclarationStory.text(r.event(), "crossingcode");
        fact.occurredAt = r.occurredAt();
        fact.recordedAt = r.recordedAt();
        fact.data = r.dataText();
        stories.addFact(declarationId, new DeclarationStory.Fact(fact.eventType, r.data(), fact.recordedAt));
        facts.add(fact);
    }

    /** The batch's facts in one batch of inserts, in the order they were consumed (their ids keep that order). */
    private void storeFacts(List<CorrelationFact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO correlation_fact (event_id, declaration_id, "
                    + "topic, event_type, crossing_code, occurred_at, recorded_at, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (CorrelationFact f : facts) {
                    insert.setObject(1, f.eventId);
                    insert.setObject(2, f.declarationId);
                    insert.setString(3, f.topic);
                    insert.setString(4, f.eventType);
                    insert.setString(5, f.crossingCode);
                    insert.setObject(6, f.occurredAt);
                    insert.setObject(7, f.recordedAt);
                    insert.setString(8, f.data);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private UUID declarationId(JsonNode event, JsonNode data) {
        JsonNode id = data.hasNonNull("declarationId") ? data.path("declarationId") : event.path("subject");
        return uuid(id, "data.declarationId");
    }

    private JsonNode parse(String payload) {
        try {
            JsonNode event = json.readTree(payload);
            if (event == null || !event.isObject()) {
                throw new PoisonEventException("the record is not a JSON object");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new PoisonEventException("the record is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        String value = DeclarationStory.text(node, field);
        if (value.isBlank()) {
            throw new PoisonEventException(field + " is required");
        }
        return value;
    }

    private static UUID uuid(JsonNode value, String field) {
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException(field + " must be a UUID, got '" + value.asText() + "'");
        }
    }

    private static BigDecimal decimal(JsonNode value, String field) {
        try {
            if (value.isMissingNode() || value.isNull()) {
                throw new PoisonEventException(field + " is required");
            }
            return DeclarationStory.decimal(value);
        } catch (NumberFormatException e) {
            throw new PoisonEventException(field + " must be a decimal, got '" + value.asText() + "'");
        }
    }

    private static Optional<OffsetDateTime> time(JsonNode node, String field) {
        String value = DeclarationStory.text(node, field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonEventException(field + " must be an ISO-8601 date-time with offset, got '" + value + "'");
        }
    }
}
