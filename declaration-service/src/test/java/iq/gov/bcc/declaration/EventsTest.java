package iq.gov.bcc.declaration;

import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.declaration;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.TestInfrastructure;
import iq.gov.bcc.localstack.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The facts reach the real topics exactly as accepted, as CloudEvents, keyed and ordered per declaration. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class EventsTest {

    /**
     * The outbox writes a transaction's events just before it commits: if that write fails, the fact
     * must not commit without its event. A trigger refuses the events of marked facts.
     */
    @Test
    void aFactWhoseEventCannotBeWrittenIsNotRecordedEither() {
        String marker = "REFUSED-" + UUID.randomUUID().toString().substring(0, 8);
        TestInfrastructure.postgres().psql("bcc_declaration", "CREATE OR REPLACE FUNCTION refuse_marked_event() RETURNS trigger "
                + "LANGUAGE plpgsql AS $$ BEGIN IF NEW.payload LIKE '%" + marker + "%' THEN RAISE EXCEPTION 'event refused'; "
                + "END IF; RETURN NEW; END $$; CREATE TRIGGER refuse_marked_event BEFORE INSERT ON outbox_event "
                + "FOR EACH ROW EXECUTE FUNCTION refuse_marked_event()");
        Map<String, Object> body = declaration("SHL");
        body.put("reference", marker);
        Map<String, Object> receipt = PaymentTest.receipt("SHL", UUID.randomUUID().toString(), "1000");
        receipt.put("receiptNumber", marker);
        try {
            as("SHL").body(body).post("/api/v1/declarations").then().statusCode(500)
                    .contentType("application/problem+json");
            as("SHL").body(receipt).post("/api/v1/payments").then().statusCode(500)
                    .contentType("application/problem+json");
            assertThat(Samples.rowsWithReference(marker)).isZero();
            assertThat(TestInfrastructure.postgres().psql("bcc_declaration",
                    "SELECT count(*) FROM payment_receipt WHERE receipt_number = '" + marker + "'")).isEqualTo("0");
        } finally {
            TestInfrastructure.postgres().psql("bcc_declaration",
                    "DROP TRIGGER refuse_marked_event ON outbox_event; DROP FUNCTION refuse_marked_event()");
        }
        // Nothing half-written stands in the way of the crossing's retry.
        Samples.file(body);
        as("SHL").body(receipt).post("/api/v1/payments").then().statusCode(201);
    }

    /**
     * The outbox's rows are written on a connection that is closed before the commit: the pool never has to
     * close one itself ("Closing open connection(s) prior to commit"), which it did, with a warning in the log,
     * for every write while the outbox went through Hibernate's session at commit time.
     */
    @Test
    void theOutboxLeavesNoConnectionOpenIntoTheCommit() {
        try (LogRecords pool = LogRecords.of("io.agroal.pool")) {
            Map<String, Object> body = declaration("SHL");
            String id = Samples.file(body);
            as("SHL").body(PaymentTest.receipt("SHL", id, "1000")).post("/api/v1/payments").then().statusCode(201);
            assertThat(Topics.read("bcc.declarations.v1", r -> id.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(pool.atOrAbove(Level.WARNING)).as("warnings of the connection pool").isEmpty();
        }
    }

    @Test
    void oneDeclarationsStoryArrivesInOrderOnItsKey() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        Samples.firstItem(body).put("netWeightKg", "23000.000");
        body.put("reason", "re-weighed");
        as("SHL").body(body).post("/api/v1/declarations/" + id + "/amendments").then().statusCode(201);
        as("SHL").body(Map.of("grossWeightKg", "23400", "scaleId", "SHL-WB-01", "weighedAt", Samples.now()))
                .post("/api/v1/declarations/" + id + "/weighings").then().statusCode(201);
        as("SHL").body(Map.of("channel", "YELLOW", "outcome", "CONFORMS", "inspectedAt", Samples.now()))
                .post("/api/v1/declarations/" + id + "/inspections").then().statusCode(201);
        as("SHL").body(Map.of("releasedAt", Samples.now())).post("/api/v1/declarations/" + id + "/release")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = Topics.read("bcc.declarations.v1",
                r -> id.equals(r.key()), 5, Duration.ofSeconds(30));
        records.forEach(r -> EventSchemas.assertConforms(r.value()));
        String broken = records.get(0).value().replace("\"lane\":\"GREEN\"", "\"lane\":\"PURPLE\"");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EventSchemas.assertConforms(broken))
                .as("the schemas must catch a broken contract").isInstanceOf(AssertionError.class);
        List<JsonPath> events = records.stream().map(r -> JsonPath.from(r.value())).toList();
        assertThat(events).extracting(e -> e.getString("type")).containsExactly(
                "iq.bcc.declaration.filed.v1", "iq.bcc.declaration.amended.v1", "iq.bcc.declaration.weighed.v1",
                "iq.bcc.declaration.inspected.v1", "iq.bcc.declaration.released.v1");

        JsonPath filed = events.get(0);
        assertThat(filed.getString("specversion")).isEqualTo("1.0");
        assertThat(filed.getString("source")).isEqualTo("/bcc/declaration-service");
        assertThat(filed.getString("subject")).isEqualTo(id);
        assertThat(filed.getString("crossingcode")).isEqualTo("SHL");
        assertThat(filed.getString("time")).isNotBlank();
        assertThat(filed.getString("recordedat")).isNotBlank();
        assertThat(filed.getString("dataschema")).endsWith("iq.bcc.declaration.filed.v1.json");
        assertThat(filed.getString("data.reference")).isEqualTo(body.get("reference"));
        assertThat(filed.getString("data.trader.name")).isEqualTo("شركة البصرة للحديد");
        assertThat(filed.getString("data.items[0].customsValue.amount")).isEqualTo("13200.00");
        assertThat(filed.getString("data.lane")).isEqualTo("GREEN");
        assertThat(events.get(1).getInt("data.version")).isEqualTo(2);
        assertThat(events.get(1).getInt("data.previousVersion")).isEqualTo(1);
        assertThat(events.get(1).getString("data.reason")).isEqualTo("re-weighed");
        // a filing happened at its lodgement, an amendment when it was recorded
        assertThat(OffsetDateTime.parse(filed.getString("time")).toInstant())
                .isEqualTo(OffsetDateTime.parse(filed.getString("data.lodgedAt")).toInstant());
        OffsetDateTime amendedAt = OffsetDateTime.parse(events.get(1).getString("time"));
        assertThat(Duration.between(amendedAt, OffsetDateTime.parse(events.get(1).getString("recordedat"))).abs())
                .isLessThan(Duration.ofSeconds(1));
        assertThat(amendedAt).isAfter(OffsetDateTime.parse(events.get(1).getString("data.lodgedAt")));
        assertThat(events.stream().map(e -> e.getString("id")).distinct()).hasSize(5);
        assertThat(new String(records.get(0).headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                .startsWith("application/cloudevents+json");
    }

    @Test
    void aTransitsExitIsPublishedWithTheExitCrossingsCode() {
        String id = Samples.file(Samples.transit("SFW", "TRB"));
        as("SFW").body(Map.of("releasedAt", Samples.now())).post("/api/v1/declarations/" + id + "/release")
                .then().statusCode(200);
        as("TRB").body(Map.of("exitedAt", Samples.now())).post("/api/v1/declarations/" + id + "/transit-exit")
                .then().statusCode(200);
        List<ConsumerRecord<String, String>> records = Topics.read("bcc.declarations.v1",
                r -> id.equals(r.key()), 3, Duration.ofSeconds(30));
        records.forEach(r -> EventSchemas.assertConforms(r.value()));
        JsonPath filed = JsonPath.from(records.get(0).value());
        assertThat(filed.getString("data.exitCrossingCode")).isEqualTo("TRB");
        assertThat(filed.getString("data.transitDeadline")).isNotBlank();
        JsonPath exited = JsonPath.from(records.get(2).value());
        assertThat(exited.getString("type")).isEqualTo("iq.bcc.declaration.transit-exited.v1");
        assertThat(exited.getString("crossingcode")).isEqualTo("TRB");
    }

    @Test
    void theAsyncApiDocumentIsServedNextToTheOpenApi() {
        io.restassured.RestAssured.given().get("/asyncapi.yaml").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("bcc.declarations.v1"))
                .body(org.hamcrest.Matchers.containsString("iq.bcc.payment.recorded.v1"));
    }

    @Test
    void aReceiptIsPublishedOnThePaymentsTopicKeyedByItsDeclaration() {
        String unknownDeclaration = UUID.randomUUID().toString();
        as("SHL").body(PaymentTest.receipt("SHL", unknownDeclaration, "750000.500")).post("/api/v1/payments")
                .then().statusCode(201);
        List<ConsumerRecord<String, String>> records = Topics.read("bcc.payments.v1",
                r -> unknownDeclaration.equals(r.key()), 1, Duration.ofSeconds(30));
        assertThat(records).hasSize(1);
        EventSchemas.assertConforms(records.get(0).value());
        JsonPath event = JsonPath.from(records.get(0).value());
        assertThat(event.getString("type")).isEqualTo("iq.bcc.payment.recorded.v1");
        assertThat(event.getString("data.amount.amount")).isEqualTo("750000.500");
        assertThat(event.getBoolean("data.declarationKnown")).isFalse();
    }
}
