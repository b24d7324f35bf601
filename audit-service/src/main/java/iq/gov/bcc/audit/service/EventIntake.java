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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes one consumed CloudEvent into the correlation store, in one transaction: the inbox row (so a
 * redelivery does nothing), the ledger entry, the fact, and the re-evaluation of every declaration
 * the fact touches.
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
    private final io.micrometer.core.instrument.MeterRegistry meters;

    EventIntake(ObjectMapper json, Inbox inbox, Ledger ledger, ReferenceStore reference, DiscrepancyEngine engine,
            AuditConfig config, io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        this.json = json;
        this.inbox = inbox;
        this.ledger = ledger;
        this.reference = reference;
        this.engine = engine;
        this.config = config;
    }

    /** @return false when the event had been consumed before */
    @Transactional
    public boolean consume(String topic, String payload) {
        JsonNode event = parse(payload);
        UUID eventId = uuid(event.path("id"), "id");
        String type = required(event, "type");
        JsonNode data = event.path("data");
        if (!data.isObject()) {
            throw new PoisonEventException("event " + eventId + " has no data object");
        }
        ledger.lock();
        if (!inbox.firstDelivery(eventId, type)) {
            meters.counter("bcc.audit.events.redelivered", "topic", topic).increment();
            return false;
        }
        meters.counter("bcc.audit.events.consumed", "topic", topic).increment();
        ObjectNode entry = json.createObjectNode();
        entry.put("kind", "event");
        entry.put("topic", topic);
        entry.set("event", event);
        ledger.append(entry.toString());
        OffsetDateTime trigger = time(event, "recordedat").orElseGet(() -> time(event, "time")
                .orElseGet(() -> OffsetDateTime.now(ZoneOffset.UTC)));
        switch (type) {
            case DECLARATION_FILED, DECLARATION_AMENDED, DECLARATION_WEIGHED, DECLARATION_INSPECTED,
                    DECLARATION_RELEASED, DECLARATION_TRANSIT_EXITED -> declarationFact(topic, event, data, trigger);
            case PAYMENT_RECORDED -> payment(topic, event, data, trigger);
            case ASSESSMENT_COMPLETED -> assessment(topic, event, data, trigger);
            case EXCHANGE_RATE_PUBLISHED -> exchangeRate(data, trigger);
            case LICENCE_ISSUED, LICENCE_REVOKED -> licence(data, trigger);
            default -> LOG.debugf("event %s of type %s is kept in the ledger only", eventId, type);
        }
        return true;
    }

    private void declarationFact(String topic, JsonNode event, JsonNode data, OffsetDateTime trigger) {
        UUID declarationId = declarationId(event, data);
        storeFact(topic, event, declarationId);
        if (data.path("items").isArray()) {
            for (JsonNode item : data.path("items")) {
                String licence = DeclarationStory.text(item, "exemptionLicence");
                if (!licence.isEmpty()) {
                    reference.recordExemptionUse(licence, declarationId);
                }
            }
        }
        engine.evaluate(declarationId, trigger);
    }

    private void payment(String topic, JsonNode event, JsonNode data, OffsetDateTime trigger) {
        UUID declarationId = declarationId(event, data);
        UUID receiptId = uuid(data.path("receiptId"), "data.receiptId");
        String number = required(data, "receiptNumber");
        storeFact(topic, event, declarationId);
        if (Receipt.findById(receiptId) == null) {
            Receipt receipt = new Receipt();
            receipt.receiptId = receiptId;
            receipt.receiptNumber = number;
            receipt.crossingCode = DeclarationStory.text(data, "crossingCode").isEmpty()
                    ? event.path("crossingcode").asText() : DeclarationStory.text(data, "crossingCode");
            receipt.declarationId = declarationId;
            receipt.declarationKnown = !data.path("declarationKnown").isBoolean() || data.path("declarationKnown").asBoolean();
            receipt.amount = decimal(data.path("amount").path("amount"), "data.amount.amount");
            receipt.currency = required(data.path("amount"), "currency");
            receipt.method = DeclarationStory.text(data, "method");
            receipt.paidAt = time(data, "paidAt").orElseThrow(() -> new PoisonEventException("data.paidAt is required"));
            receipt.recordedAt = trigger;
            receipt.amountIqd = reference.toIqd(receipt.amount, receipt.currency, receiptDay(receipt)).orElse(null);
            receipt.persist();
        }
        Set<UUID> touched = new LinkedHashSet<>();
        touched.add(declarationId);
        Receipt.withNumber(number).forEach(r -> touched.add(r.declarationId));
        touched.forEach(id -> engine.evaluate(id, trigger));
    }

    private void assessment(String topic, JsonNode event, JsonNode data, OffsetDateTime trigger) {
        UUID declarationId = declarationId(event, data);
        storeFact(topic, event, declarationId);
        Set<String> currencies = new LinkedHashSet<>();
        for (JsonNode item : data.path("items")) {
            JsonNode rate = item.path("exchangeRate");
            if (rate.isObject() && !DeclarationStory.text(rate, "currency").isEmpty()
                    && !DeclarationStory.text(rate, "validFrom").isEmpty()) {
                reference.storeRate(rate.path("currency").asText(), LocalDate.parse(rate.path("validFrom").asText()),
                        DeclarationStory.decimal(rate.path("rateToIqd")));
                currencies.add(rate.path("currency").asText());
            }
        }
        Set<UUID> touched = new LinkedHashSet<>();
        touched.add(declarationId);
        currencies.forEach(c -> touched.addAll(convertWaitingReceipts(c)));
        touched.forEach(id -> engine.evaluate(id, trigger));
    }

    private void exchangeRate(JsonNode data, OffsetDateTime trigger) {
        String currency = required(data, "currency");
        String validFrom = required(data, "validFrom");
        BigDecimal rate = decimal(data.has("rateToIqd") ? data.path("rateToIqd") : data.path("rate"), "data.rateToIqd");
        reference.storeRate(currency, LocalDate.parse(validFrom.substring(0, 10)), rate);
        convertWaitingReceipts(currency).forEach(id -> engine.evaluate(id, trigger));
    }

    private void licence(JsonNode data, OffsetDateTime trigger) {
        String number = required(data, "number");
        reference.storeLicence(data);
        reference.declarationsUsing(number).forEach(id -> engine.evaluate(id, trigger));
    }

    /** Receipts in a currency that had no rate yet: converted now; returns their declarations. */
    private Set<UUID> convertWaitingReceipts(String currency) {
        Set<UUID> touched = new LinkedHashSet<>();
        for (Receipt receipt : Receipt.<Receipt>list("currency = ?1 and amountIqd is null", currency)) {
            reference.toIqd(receipt.amount, receipt.currency, receiptDay(receipt)).ifPresent(iqd -> {
                receipt.amountIqd = iqd;
                touched.add(receipt.declarationId);
            });
        }
        return touched;
    }

    private LocalDate receiptDay(Receipt receipt) {
        return receipt.paidAt.atZoneSameInstant(config.zone()).toLocalDate();
    }

    private void storeFact(String topic, JsonNode event, UUID declarationId) {
        CorrelationFact fact = new CorrelationFact();
        fact.eventId = UUID.fromString(event.path("id").asText());
        fact.declarationId = declarationId;
        fact.topic = topic;
        fact.eventType = event.path("type").asText();
        fact.crossingCode = DeclarationStory.text(event, "crossingcode");
        fact.occurredAt = time(event, "time").orElse(null);
        fact.recordedAt = time(event, "recordedat").orElse(null);
        fact.data = event.path("data").toString();
        fact.persist();
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

    private static java.util.Optional<OffsetDateTime> time(JsonNode node, String field) {
        String value = DeclarationStory.text(node, field);
        if (value.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(OffsetDateTime.parse(value));
        } catch (java.time.format.DateTimeParseException e) {
            throw new PoisonEventException(field + " must be an ISO-8601 date-time with offset, got '" + value + "'");
        }
    }
}
