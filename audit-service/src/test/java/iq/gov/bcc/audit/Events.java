package iq.gov.bcc.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iq.gov.bcc.localstack.Topics;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Builds CloudEvents exactly as docs/event-contracts.md shapes them, and writes them to the real topics. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DECLARATIONS = "bcc.declarations.v1";
    static final String PAYMENTS = "bcc.payments.v1";
    static final String ASSESSMENTS = "bcc.assessments.v1";
    static final String TARIFFS = "bcc.tariffs.v1";

    private Events() {
    }

    /** Yesterday at 09:00 UTC (12:00 in Baghdad): a daytime moment safely in the past. */
    static OffsetDateTime daytime() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).minusDays(1).plusHours(9);
    }

    static String envelope(UUID id, String source, String type, String subject, String crossing, OffsetDateTime time,
            ObjectNode data) {
        ObjectNode e = JSON.createObjectNode();
        e.put("specversion", "1.0");
        e.put("id", id.toString());
        e.put("source", source);
        e.put("type", type);
        e.put("subject", subject);
        e.put("time", time.toString());
        e.put("datacontenttype", "application/json");
        e.put("dataschema", "https://schemas.bcc.gov.iq/events/" + type + ".json");
        e.put("crossingcode", crossing);
        e.put("recordedat", OffsetDateTime.now(ZoneOffset.UTC).toString());
        e.set("data", data);
        return e.toString();
    }

    /** One declaration's events, written in whatever order the test chooses. */
    static final class Declaration {
        final UUID id;
        String crossing = "SHL";
        String direction = "IMPORT";
        String origin = "IR";
        String lane = "YELLOW";
        OffsetDateTime lodgedAt = daytime().minusHours(2);
        String exitCrossing;
        OffsetDateTime transitDeadline;
        String hsCode = "721420";
        double netKg = 24000;
        double grossKg = 24350;
        String value = "13200.00";
        String currency = "USD";
        String licence;
        /** A second line of cement, filed with the steel; an amendment can leave it out. */
        boolean cement;

        Declaration() {
            this(UUID.randomUUID());
        }

        /** A declaration with a chosen id, for tests that depend on where it sorts. */
        Declaration(UUID id) {
            this.id = id;
        }

        Declaration exitCrossingCode(String code) {
            this.exitCrossing = code;
            return this;
        }

        Declaration crossing(String code) {
            this.crossing = code;
            return this;
        }

        ObjectNode version(int version, String reason) {
            ObjectNode v = JSON.createObjectNode();
            v.put("declarationId", id.toString());
            v.put("version", version);
            v.put("crossingCode", crossing);
            v.put("reference", crossing + "-T-" + id.toString().substring(0, 8));
            v.put("direction", direction);
            v.put("exitCrossingCode", exitCrossing);
            v.put("transitDeadline", transitDeadline == null ? null : transitDeadline.toString());
            v.put("lodgedAt", lodgedAt.toString());
            ObjectNode trader = v.putObject("trader");
            trader.put("taxId", "IQ-100200300");
            trader.put("name", "شركة البصرة للحديد");
            v.put("vehiclePlate", "BSR 12345");
            v.put("originCountry", origin);
            ArrayNode items = v.putArray("items");
            ObjectNode item = items.addObject();
            item.put("line", 1);
            item.put("hsCode", hsCode);
            item.put("description", "Reinforcing steel bars");
            item.put("quantity", netKg);
            item.put("unit", "KGM");
            item.put("netWeightKg", netKg);
            item.put("grossWeightKg", grossKg);
            ObjectNode cv = item.putObject("customsValue");
            cv.put("amount", value);
            cv.put("currency", currency);
            item.put("exemptionLicence", licence);
            if (cement) {
                ObjectNode second = items.addObject();
                second.put("line", 2);
                second.put("hsCode", "252329");
                second.put("description", "Portland cement");
                second.put("quantity", 30000);
                second.put("unit", "KGM");
                second.put("netWeightKg", 30000);
                second.put("grossWeightKg", 30200);
                ObjectNode secondValue = second.putObject("customsValue");
                secondValue.put("amount", "1800.00");
                secondValue.put("currency", currency);
                second.putNull("exemptionLicence");
            }
            v.put("lane", lane);
            v.put("laneRule", "random");
            v.put("reason", reason);
            if (version > 1) {
                v.put("previousVersion", version - 1);
            } else {
                v.putNull("previousVersion");
            }
            return v;
        }

        String filed() {
            return envelope(UUID.randomUUID(), "/bcc/declaration-service", "iq.bcc.declaration.filed.v1", id.toString(),
                    crossing, lodgedAt, version(1, null));
        }

        String amended(int version, String reason) {
            return envelope(UUID.randomUUID(), "/bcc/declaration-service", "iq.bcc.declaration.amended.v1", id.toString(),
                    crossing, lodgedAt.plusMinutes(version), version(version, reason));
        }

        String weighed(double grossWeightKg, OffsetDateTime at) {
            ObjectNode d = JSON.createObjectNode();
            d.put("declarationId", id.toString());
            d.put("weighingId", UUID.randomUUID().toString());
            d.put("grossWeightKg", grossWeightKg);
            d.put("scaleId", crossing + "-WB-1");
            d.put("weighedAt", at.toString());
            return envelope(UUID.randomUUID(), "/bcc/declaration-service", "iq.bcc.declaration.weighed.v1", id.toString(),
                    crossing, at, d);
        }

        String inspected(String channel, OffsetDateTime at) {
            ObjectNode d = JSON.createObjectNode();
            d.put("declarationId", id.toString());
            d.put("inspectionId", UUID.randomUUID().toString());
            d.put("channel", channel);
            d.put("outcome", "CONFORMS");
            d.put("remarks", "seals intact");
            d.put("inspectedAt", at.toString());
            return envelope(UUID.randomUUID(), "/bcc/declaration-service", "iq.bcc.declaration.inspected.v1", id.toString(),
                    crossing, at, d);
        }

        String released(int version, OffsetDateTime at) {
            ObjectNode d = JSON.createObjectNode();
            d.put("declarationId", id.toString());
            d.put("version", version);
            d.put("lane", lane);
            d.put("releasedAt", at.toString());
            return envelope(UUID.randomUUID(), "/bcc/declaration-service", "iq.bcc.declaration.released.v1", id.toString(),
                    crossing, at, d);
        }

        String transitExited(String exitCrossingCode, OffsetDateTime at) {
            ObjectNode d = JSON.createObjectNode();
            d.put("declarationId", id.toString());
            d.put("exitCrossingCode", exitCrossingCode);
            d.put("exitedAt", at.toString());
            return envelope(UUID.randomUUID(), "/bcc/declaration-service", "iq.bcc.declaration.transit-exited.v1",
                    id.toString(), exitCrossingCode, at, d);
        }

        String payment(UUID receiptId, String receiptNumber, String amount, String currency, boolean known,
                OffsetDateTime paidAt) {
            return paymentAt(crossing, receiptId, receiptNumber, amount, currency, known, paidAt);
        }

        String paymentAt(String receiptCrossing, UUID receiptId, String receiptNumber, String amount, String currency,
                boolean known, OffsetDateTime paidAt) {
            ObjectNode d = JSON.createObjectNode();
            d.put("receiptId", receiptId.toString());
            d.put("crossingCode", receiptCrossing);
            d.put("receiptNumber", receiptNumber);
            d.put("declarationId", id.toString());
            d.put("declarationKnown", known);
            ObjectNode a = d.putObject("amount");
            a.put("amount", amount);
            a.put("currency", currency);
            d.put("method", "CASH");
            d.put("paidAt", paidAt.toString());
            return envelope(UUID.randomUUID(), "/bcc/declaration-service", "iq.bcc.payment.recorded.v1", id.toString(),
                    receiptCrossing, paidAt, d);
        }

        /** Assessment of a version: value converted at 1310 IQD/USD, duty 15 % unless dutyIqd given. */
        String assessed(int version, String customsValueIqd, String dutyIqd, ObjectNode exemption) {
            ObjectNode d = JSON.createObjectNode();
            d.put("assessmentId", UUID.randomUUID().toString());
            d.put("declarationId", id.toString());
            d.put("declarationVersion", version);
            d.put("crossingCode", crossing);
            d.put("lodgedAt", lodgedAt.toString());
            d.put("assessedAt", lodgedAt.plusSeconds(version).toString());
            d.put("currency", "IQD");
            d.put("totalCustomsValueIqd", customsValueIqd);
            d.put("totalDutyIqd", dutyIqd);
            ArrayNode items = d.putArray("items");
            ObjectNode item = items.addObject();
            item.put("line", 1);
            item.put("hsCode", hsCode);
            item.put("measureId", UUID.randomUUID().toString());
            item.put("measureVersion", 1);
            item.put("dutyExpression", "15 %");
            ObjectNode rate = item.putObject("exchangeRate");
            rate.put("currency", "USD");
            rate.put("rateToIqd", "1310.0000");
            rate.put("validFrom", "2026-01-01");
            item.put("customsValueIqd", customsValueIqd);
            item.put("netWeightKg", netKg);
            BigDecimal waived = exemption == null ? BigDecimal.ZERO : new BigDecimal(exemption.path("waivedIqd").asText("0"));
            item.put("dutyBeforeExemptionIqd", new BigDecimal(dutyIqd).add(waived).toPlainString());
            if (exemption == null) {
                item.putNull("exemption");
            } else {
                item.set("exemption", exemption);
            }
            item.put("dutyIqd", dutyIqd);
            d.put("explanation", "Line 1: HS " + hsCode + " 15 %. Total " + dutyIqd + " IQD.");
            return envelope(UUID.randomUUID(), "/bcc/tariff-service", "iq.bcc.assessment.completed.v1", id.toString(),
                    crossing, lodgedAt.plusSeconds(version), d);
        }

        void write(String topic, String event) {
            Topics.write(topic, id.toString(), event);
        }

        void file() {
            write(DECLARATIONS, filed());
        }
    }
}
