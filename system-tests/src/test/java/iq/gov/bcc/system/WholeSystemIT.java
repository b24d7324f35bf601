package iq.gov.bcc.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import iq.gov.bcc.localstack.LocalStack;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three services as separate processes, on real PostgreSQL, Kafka and Keycloak, used the way
 * crossings and auditors use them: facts posted over HTTP at a crossing come out, through the
 * tariff service's assessment and the audit service's correlation, as the discrepancies an
 * auditor sees.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class WholeSystemIT {

    private static final ZoneId BAGHDAD = ZoneId.of("Asia/Baghdad");
    private static final Map<String, String> AUDIT = Map.of("BCC_AUDIT_UNPAID_RELEASE_GRACE", "PT2S", "BCC_AUDIT_SWEEP_INTERVAL", "1s");
    private static LocalStack stack;

    @BeforeAll
    static void startTheSystem() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path root = Path.of(System.getProperty("bcc.home", "..")).toAbsolutePath().normalize();
        stack = new LocalStack(root, LocalStack.Layout.freePorts(LocalStack.SERVICES), Map.of("audit-service", AUDIT));
        stack.start();
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aNightReleaseOfUnderweighedUnderpaidGoodsShowsUpForTheAuditors() {
        OffsetDateTime evening = LocalDate.now(BAGHDAD).minusDays(1).atTime(22, 30).atZone(BAGHDAD).toOffsetDateTime();
        String id = fileDeclaration("SHL", evening);
        crossing("SHL").body(Map.of("grossWeightKg", "29000", "scaleId", "SHL-WB-1", "weighedAt", evening.plusMinutes(10).toString()))
                .post(url("declaration-service", "/api/v1/declarations/" + id + "/weighings")).then().statusCode(201);
        crossing("SHL").body(Map.of("crossingCode", "SHL", "receiptNumber", "R-" + UUID.randomUUID(), "declarationId", id,
                        "amount", Map.of("amount", "1000000", "currency", "IQD"), "method", "CASH",
                        "paidAt", evening.plusMinutes(40).toString()))
                .post(url("declaration-service", "/api/v1/payments")).then().statusCode(201);
        crossing("SHL").body(Map.of("releasedAt", evening.plusHours(1).toString()))
                .post(url("declaration-service", "/api/v1/declarations/" + id + "/release")).then().statusCode(200);

        BigDecimal duty = assessedDuty(id);
        assertThat(duty).isPositive();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(discrepancyTypes(id))
                .contains("WEIGHT_MISMATCH", "OFF_HOURS_RELEASE", "UNDERPAYMENT", "UNPAID_RELEASE"));
        JsonPath correlation = JsonPath.from(auditor().get(url("audit-service", "/api/v1/declarations/" + id + "/correlation"))
                .then().statusCode(200).extract().asString());
        assertThat(new BigDecimal(correlation.getString("dutyAssessedIqd"))).isEqualByComparingTo(duty);
        assertThat(new BigDecimal(correlation.getString("paidIqd"))).isEqualByComparingTo("1000000");
        assertThat(correlation.getList("weighings")).hasSize(1);

        // Integrators read the same story on the topics, each event matching its producer's schema.
        List<com.fasterxml.jackson.databind.JsonNode> events = PublishedEvents.of(stack.kafka().bootstrapServers(), id,
                List.of("bcc.declarations.v1", "bcc.payments.v1", "bcc.assessments.v1", "bcc.discrepancies.v1"), 9);
        assertThat(events.stream().map(e -> e.get("type").asText())).contains("iq.bcc.declaration.filed.v1",
                "iq.bcc.declaration.weighed.v1", "iq.bcc.payment.recorded.v1", "iq.bcc.declaration.released.v1",
                "iq.bcc.assessment.completed.v1", "iq.bcc.discrepancy.raised.v1");
        PublishedEvents.assertConform(events);
    }

    @Test
    void aDeclarationInspectedPaidInFullAndReleasedByDayRaisesNothing() {
        OffsetDateTime morning = LocalDate.now(BAGHDAD).minusDays(1).atTime(9, 0).atZone(BAGHDAD).toOffsetDateTime();
        String id = fileDeclaration("TRB", morning);
        crossing("TRB").body(Map.of("grossWeightKg", "24400", "scaleId", "TRB-WB-1", "weighedAt", morning.plusMinutes(10).toString()))
                .post(url("declaration-service", "/api/v1/declarations/" + id + "/weighings")).then().statusCode(201);
        crossing("TRB").body(Map.of("channel", "RED", "outcome", "CONFORMS", "inspectedAt", morning.plusMinutes(20).toString()))
                .post(url("declaration-service", "/api/v1/declarations/" + id + "/inspections")).then().statusCode(201);
        BigDecimal duty = assessedDuty(id);
        crossing("TRB").body(Map.of("crossingCode", "TRB", "receiptNumber", "R-" + UUID.randomUUID(), "declarationId", id,
                        "amount", Map.of("amount", duty.toPlainString(), "currency", "IQD"), "method", "TRANSFER",
                        "paidAt", morning.plusMinutes(30).toString()))
                .post(url("declaration-service", "/api/v1/payments")).then().statusCode(201);
        crossing("TRB").body(Map.of("releasedAt", morning.plusHours(1).toString()))
                .post(url("declaration-service", "/api/v1/declarations/" + id + "/release")).then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath correlation = JsonPath.from(auditor()
                    .get(url("audit-service", "/api/v1/declarations/" + id + "/correlation")).then().statusCode(200)
                    .extract().asString());
            assertThat(correlation.getString("releasedAt")).isNotNull();
            assertThat(correlation.getList("receipts")).hasSize(1);
        });
        // Past the unpaid-release grace and a few sweeps, nothing is open. (The facts are back-dated,
        // so a sweep may raise UNPAID_RELEASE in the instant between the release and the receipt
        // arriving on their two topics; the receipt then closes it, which is the behaviour we want.)
        await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(openDiscrepancyTypes(id)).isEmpty());
    }

    @Test
    void eachRoleSeesOnlyWhatItMay() {
        crossing("SHL").get(url("audit-service", "/api/v1/discrepancies")).then().statusCode(403);
        given().get(url("audit-service", "/api/v1/discrepancies")).then().statusCode(401);
        auditor().get(url("audit-service", "/api/v1/discrepancies")).then().statusCode(200);
        auditor().body(declaration("SHL", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)))
                .post(url("declaration-service", "/api/v1/declarations")).then().statusCode(403);
        crossing("SFW").body(declaration("SHL", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1)))
                .post(url("declaration-service", "/api/v1/declarations")).then().statusCode(403);
        crossing("SHL").body(Map.of("currency", "USD", "rateToIqd", "1", "validFrom", "2026-01-01"))
                .post(url("tariff-service", "/api/v1/exchange-rates")).then().statusCode(403);
        for (String service : LocalStack.SERVICES) {
            given().get(url(service, "/q/health/ready")).then().statusCode(200);
            given().get(url(service, "/q/openapi")).then().statusCode(200);
        }
    }

    /**
     * An operator's restart (SIGTERM) is quiet: nothing the service logs from the stop request on is an
     * error (its one-second sweep used to fail on the closed database every second while the Kafka
     * consumers were still closing), and the service comes back and serves its auditors.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE - 1)
    void anOperatorsRestartOfTheAuditServiceLogsNoErrors() throws IOException {
        Path log = stack.process("audit-service").log();
        long before = Files.size(log);

        stack.stopService("audit-service");
        byte[] written = Files.readAllBytes(log);
        String stopping = new String(written, (int) before, written.length - (int) before, StandardCharsets.UTF_8);
        stack.startService("audit-service");

        // Its own last words, not a SIGKILL after the grace: the log of a stop that hung would pass the next check.
        assertThat(stopping).as("the service stopped by itself").contains("audit-service stopped in");
        assertThat(stopping.lines().filter(line -> line.contains(" ERROR "))).as(stopping).isEmpty();
        auditor().get(url("audit-service", "/api/v1/discrepancies?limit=1")).then().statusCode(200);
    }

    /**
     * The audit store is derived data: killed (SIGKILL), wiped and restarted with a new consumer group,
     * the audit service rebuilds the same open cases from the topics alone.
     */
    @Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE)
    void theAuditStoreRebuiltFromTheTopicsHasTheSameOpenCases() {
        fileDeclaration("SFW", LocalDate.now(BAGHDAD).minusDays(2).atTime(23, 0).atZone(BAGHDAD).toOffsetDateTime());
        await().atMost(Duration.ofSeconds(60)).until(() -> !openCases().isEmpty());
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .until(() -> openCases().equals(openCases()));
        List<String> before = openCases();

        stack.kill("audit-service");
        String database = LocalStack.database("audit-service");
        stack.postgres().recreateDatabase(database, database);
        stack.startService("audit-service", Map.of("BCC_AUDIT_CONSUMER_GROUP", "audit-replay-" + UUID.randomUUID()));

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(openCases()).isEqualTo(before));
    }

    /** Every case not closed by later facts: id, type, declaration and amount, in a stable order. */
    private static List<String> openCases() {
        List<Map<String, Object>> items = auditor().get(url("audit-service", "/api/v1/discrepancies?limit=500"))
                .then().statusCode(200).extract().path("items");
        return items.stream().filter(d -> !"CLOSED".equals(d.get("status")))
                .map(d -> d.get("id") + " " + d.get("type") + " " + d.get("declarationId") + " " + d.get("amountAtStakeIqd"))
                .sorted().collect(Collectors.toList());
    }

    private static String fileDeclaration(String crossing, OffsetDateTime lodgedAt) {
        return crossing(crossing).body(declaration(crossing, lodgedAt))
                .post(url("declaration-service", "/api/v1/declarations")).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> declaration(String crossing, OffsetDateTime lodgedAt) {
        return Map.of("crossingCode", crossing, "reference", crossing + "-SYS-" + UUID.randomUUID().toString().substring(0, 8),
                "direction", "IMPORT", "lodgedAt", lodgedAt.toString(),
                "trader", Map.of("taxId", "IQ-100200300", "name", "شركة البصرة للحديد"),
                "vehiclePlate", "BSR 12345", "originCountry", "IR",
                "items", List.of(Map.of("hsCode", "721420", "description", "Reinforcing steel bars", "quantity", 24000,
                        "unit", "KGM", "netWeightKg", 24000, "grossWeightKg", 24350,
                        "customsValue", Map.of("amount", "13200.00", "currency", "USD"))));
    }

    /** The duty the tariff service assessed for version 1, once its event has gone round. */
    private static BigDecimal assessedDuty(String declarationId) {
        String[] total = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Map<String, Object>> assessments = auditor()
                    .get(url("tariff-service", "/api/v1/assessments?declarationId=" + declarationId))
                    .then().statusCode(200).extract().path("$");
            assertThat(assessments).isNotEmpty();
            total[0] = String.valueOf(assessments.get(0).get("totalDutyIqd"));
        });
        return new BigDecimal(total[0]);
    }

    private static List<String> discrepancyTypes(String declarationId) {
        return discrepancies(declarationId).stream().map(d -> (String) d.get("type")).sorted().collect(Collectors.toList());
    }

    private static List<String> openDiscrepancyTypes(String declarationId) {
        return discrepancies(declarationId).stream().filter(d -> !"CLOSED".equals(d.get("status")))
                .map(d -> d.get("type") + " " + d.get("evidence")).sorted().collect(Collectors.toList());
    }

    private static List<Map<String, Object>> discrepancies(String declarationId) {
        return auditor().get(url("audit-service", "/api/v1/declarations/" + declarationId + "/correlation"))
                .then().statusCode(200).extract().path("discrepancies");
    }

    private static String url(String service, String path) {
        return stack.url(service) + path;
    }

    private static RequestSpecification crossing(String code) {
        String client = "crossing-" + code.toLowerCase();
        return given().auth().oauth2(token(Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", "local-dev-only-" + client))).contentType(ContentType.JSON);
    }

    private static RequestSpecification auditor() {
        return given().auth().oauth2(token(Map.of("grant_type", "password", "client_id", "bcc-cli",
                "username", "auditor", "password", "local-dev-only"))).contentType(ContentType.JSON);
    }

    private static final Map<Map<String, String>, String> TOKENS = new java.util.concurrent.ConcurrentHashMap<>();

    private static String token(Map<String, String> form) {
        return TOKENS.computeIfAbsent(form, WholeSystemIT::fetchToken);
    }

    private static String fetchToken(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(stack.keycloak().tokenEndpoint()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JsonPath.from(response.body()).getString("access_token");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
