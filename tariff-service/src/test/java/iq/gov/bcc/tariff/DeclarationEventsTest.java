package iq.gov.bcc.tariff;

import static iq.gov.bcc.tariff.Api.admin;
import static iq.gov.bcc.tariff.Api.auditor;
import static iq.gov.bcc.tariff.Api.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_tariff"))
class DeclarationEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String cloudEvent(String eventId, String type, String declarationId, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"/bcc/declaration-service\","
                + "\"type\":\"" + type + "\",\"subject\":\"" + declarationId + "\",\"time\":\"2026-11-21T06:30:00Z\","
                + "\"datacontenttype\":\"application/json\",\"crossingcode\":\"SHL\","
                + "\"recordedat\":\"2026-11-21T06:30:01Z\",\"data\":" + data + "}";
    }

    @Test
    void eachFiledAndAmendedVersionIsAssessedOnceAndPublished() throws Exception {
        String licence = ExemptionTest.unique("EVT");
        admin().body(ExemptionTest.licence(licence, "OTHER", null, "1000", "2026-01-01", null))
                .post("/api/v1/exemptions/licences").then().statusCode(201);
        String id = UUID.randomUUID().toString();
        String filedId = UUID.randomUUID().toString();
        String filed = cloudEvent(filedId, "iq.bcc.declaration.filed.v1", id, Api.declaration(id, 1,
                "2026-11-21T06:30:00Z", "IR", "IQ-100200300",
                item(1, "721420", "13200.00", "USD", "24000.000", "24000", null),
                item(2, "850211", "1000000", "IQD", "600", "1", licence)));

        Topics.write("bcc.declarations.v1", id, filed);
        List<ConsumerRecord<String, String>> first = Topics.read("bcc.assessments.v1", r -> id.equals(r.key()), 1,
                Duration.ofSeconds(90));
        assertThat(first).hasSize(1);
        JsonNode event = JSON.readTree(first.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("iq.bcc.assessment.completed.v1");
        assertThat(event.path("source").asText()).isEqualTo("/bcc/tariff-service");
        assertThat(event.path("subject").asText()).isEqualTo(id);
        assertThat(event.path("crossingcode").asText()).isEqualTo("SHL");
        assertThat(new String(first.get(0).headers().lastHeader("content-type").value()))
                .startsWith("application/cloudevents+json");
        JsonNode data = event.path("data");
        assertThat(fieldNames(data)).containsExactly("assessmentId", "declarationId", "declarationVersion",
                "crossingCode", "lodgedAt", "assessedAt", "currency", "totalCustomsValueIqd", "totalDutyIqd", "items",
                "explanation");
        assertThat(fieldNames(data.path("items").get(0))).containsExactly("line", "hsCode", "measureId",
                "measureVersion", "dutyExpression", "exchangeRate", "customsValueIqd", "netWeightKg",
                "dutyBeforeExemptionIqd", "exemption", "dutyIqd");
        assertThat(data.path("declarationId").asText()).isEqualTo(id);
        assertThat(data.path("declarationVersion").asInt()).isEqualTo(1);
        assertThat(data.path("lodgedAt").asText()).isEqualTo("2026-11-21T06:30:00Z");
        assertThat(data.path("currency").asText()).isEqualTo("IQD");
        assertThat(data.path("totalCustomsValueIqd").isTextual()).isTrue();
        assertThat(data.path("totalCustomsValueIqd").asText()).isEqualTo("18292000.000");
        assertThat(data.path("totalDutyIqd").asText()).isEqualTo("2593800.000");
        JsonNode steel = data.path("items").get(0);
        assertThat(steel.path("exchangeRate").path("rateToIqd").asText()).isEqualTo("1310.0000");
        assertThat(steel.path("exchangeRate").path("validFrom").asText()).isEqualTo("2024-01-01");
        assertThat(steel.path("netWeightKg").isNumber()).isTrue();
        assertThat(steel.path("exemption").isNull()).isTrue();
        assertThat(steel.path("dutyIqd").asText()).isEqualTo("2593800.000");
        JsonNode exempt = data.path("items").get(1).path("exemption");
        assertThat(exempt.path("applied").asBoolean()).isTrue();
        assertThat(exempt.path("refusal").isNull()).isTrue();
        assertThat(exempt.path("waivedIqd").asText()).isEqualTo("100000.000");
        assertThat(auditor().get("/api/v1/exemptions/licences/" + licence).then().extract().jsonPath()
                .getDouble("quantityUsedKg")).isEqualTo(600.0);

        // The same event again (redelivery), an event the tariff service ignores, then the amendment.
        Topics.write("bcc.declarations.v1", id, filed);
        Topics.write("bcc.declarations.v1", id, cloudEvent(UUID.randomUUID().toString(),
                "iq.bcc.declaration.weighed.v1", id, "{\"declarationId\":\"" + id + "\",\"grossWeightKg\":24400}"));
        String amended = cloudEvent(UUID.randomUUID().toString(), "iq.bcc.declaration.amended.v1", id,
                Api.declaration(id, 2, "2026-11-21T06:30:00Z", "IR", "IQ-100200300",
                        item(1, "721420", "13200.00", "USD", "24000.000", "24000", null),
                        item(2, "850211", "1000000", "IQD", "700", "1", licence)));
        Topics.write("bcc.declarations.v1", id, amended);

        List<ConsumerRecord<String, String>> both = Topics.read("bcc.assessments.v1", r -> id.equals(r.key()), 2,
                Duration.ofSeconds(90));
        assertThat(both).hasSize(2);
        JsonNode second = JSON.readTree(both.get(1).value()).path("data");
        assertThat(second.path("declarationVersion").asInt()).isEqualTo(2);
        // The amendment replaces version 1's quota use: 700 kg fits the 1,000 kg quota, and 700 are used, not 1,300.
        assertThat(second.path("items").get(1).path("exemption").path("applied").asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(auditor()
                .get("/api/v1/exemptions/licences/" + licence).then().extract().jsonPath().getDouble("quantityUsedKg"))
                .isEqualTo(700.0));

        List<Integer> recorded = auditor().queryParam("declarationId", id).get("/api/v1/assessments").then()
                .statusCode(200).extract().jsonPath().getList("declarationVersion");
        assertThat(recorded).containsExactly(1, 2);
        // No third assessment ever appears: the redelivered event was recognised by its id.
        assertThat(Topics.read("bcc.assessments.v1", r -> id.equals(r.key()), 3, Duration.ofSeconds(5))).hasSize(2);
    }

    @Test
    void aPollWithRepeatsAndAnAmendmentAssessesEachVersionOnce() throws Exception {
        String licence = ExemptionTest.unique("BAT");
        admin().body(ExemptionTest.licence(licence, "OTHER", null, "1000", "2026-01-01", null))
                .post("/api/v1/exemptions/licences").then().statusCode(201);
        String id = UUID.randomUUID().toString();
        String version1 = Api.declaration(id, 1, "2026-11-21T06:30:00Z", "IR", "IQ-100200300",
                item(1, "850211", "1000000", "IQD", "600", "1", licence));
        String filed = cloudEvent(UUID.randomUUID().toString(), "iq.bcc.declaration.filed.v1", id, version1);
        String amended = cloudEvent(UUID.randomUUID().toString(), "iq.bcc.declaration.amended.v1", id,
                Api.declaration(id, 2, "2026-11-21T06:30:00Z", "IR", "IQ-100200300",
                        item(1, "850211", "1000000", "IQD", "700", "1", licence)));

        // Sent together: the filing, the same event again, the same version under another event id, the amendment.
        Topics.writeAll("bcc.declarations.v1", id, List.of(filed, filed,
                cloudEvent(UUID.randomUUID().toString(), "iq.bcc.declaration.filed.v1", id, version1), amended));

        // Waits the whole 15 s for a third that must never come.
        List<ConsumerRecord<String, String>> published = Topics.read("bcc.assessments.v1", r -> id.equals(r.key()), 3,
                Duration.ofSeconds(15));
        List<Integer> versions = new ArrayList<>();
        for (ConsumerRecord<String, String> record : published) {
            versions.add(JSON.readTree(record.value()).path("data").path("declarationVersion").asInt());
        }
        assertThat(versions).containsExactly(1, 2);
        List<Integer> recorded = auditor().queryParam("declarationId", id).get("/api/v1/assessments").then()
                .statusCode(200).extract().jsonPath().getList("declarationVersion");
        assertThat(recorded).containsExactly(1, 2);
        // Version 2 gave back version 1's 600 kg before taking its own 700 kg, even within one transaction.
        assertThat(JSON.readTree(published.get(1).value()).path("data").path("items").get(0).path("exemption")
                .path("applied").asBoolean()).isTrue();
        assertThat(auditor().get("/api/v1/exemptions/licences/" + licence).then().extract().jsonPath()
                .getDouble("quantityUsedKg")).isEqualTo(700.0);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void anUnassessableEventGoesToTheDeadLetterTopic() {
        String id = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        // No lodgedAt: the declaration cannot be judged at any date.
        Topics.write("bcc.declarations.v1", id, cloudEvent(eventId, "iq.bcc.declaration.filed.v1", id,
                "{\"declarationId\":\"" + id + "\",\"version\":1,\"crossingCode\":\"SHL\",\"originCountry\":\"TR\","
                        + "\"items\":[]}"));
        List<ConsumerRecord<String, String>> dead = Topics.read("bcc.deadletter.tariff-service.v1",
                r -> r.value() != null && r.value().contains(eventId), 1, Duration.ofSeconds(60));
        assertThat(dead).hasSize(1);
        assertThat(dead.get(0).key()).isEqualTo(id);
        assertThat(dead.get(0).headers().lastHeader("dead-letter-reason")).as("the reason travels with it").isNotNull();
        assertThat(auditor().queryParam("declarationId", id).get("/api/v1/assessments").then().statusCode(200)
                .extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void tariffChangesArePublished() throws Exception {
        String number = ExemptionTest.unique("PUB");
        admin().body(ExemptionTest.licence(number, "STATE", null, null, "2026-01-01", null))
                .post("/api/v1/exemptions/licences").then().statusCode(201);
        admin().body("{\"effectiveFrom\":\"2026-02-01\",\"reason\":\"ministry dissolved\",\"legalBasis\":\"decree 3/2026\"}")
                .post("/api/v1/exemptions/licences/" + number + "/revocation").then().statusCode(200);
        String measureId = Api.createMeasure(Api.adValorem("030211", "3", "2026-01-01"));

        List<ConsumerRecord<String, String>> licence = Topics.read("bcc.tariffs.v1", r -> number.equals(r.key()), 2,
                Duration.ofSeconds(60));
        assertThat(licence).hasSize(2);
        assertThat(JSON.readTree(licence.get(0).value()).path("type").asText())
                .isEqualTo("iq.bcc.exemption-licence.issued.v1");
        JsonNode revoked = JSON.readTree(licence.get(1).value());
        assertThat(revoked.path("type").asText()).isEqualTo("iq.bcc.exemption-licence.revoked.v1");
        assertThat(revoked.path("data").path("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.path("data").path("revocationEffectiveFrom").asText()).isEqualTo("2026-02-01");
        assertThat(revoked.path("data").path("legalBasis").asText()).isEqualTo("decree 3/2026");
        assertThat(revoked.path("data").path("kind").asText()).isEqualTo("STATE");

        List<ConsumerRecord<String, String>> measure = Topics.read("bcc.tariffs.v1", r -> measureId.equals(r.key()), 1,
                Duration.ofSeconds(60));
        assertThat(measure).hasSize(1);
        JsonNode created = JSON.readTree(measure.get(0).value());
        assertThat(created.path("type").asText()).isEqualTo("iq.bcc.measure.created.v1");
        assertThat(created.path("data").path("dutyExpression").asText()).isEqualTo("3 %");
    }
}
