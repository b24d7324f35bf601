package iq.gov.bcc.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.client.audit.model.DecisionRequest;
import iq.gov.bcc.client.audit.model.DiscrepancyView;
import iq.gov.bcc.client.declaration.ApiClient;
import iq.gov.bcc.client.declaration.model.BatchResponse;
import iq.gov.bcc.client.declaration.model.Weighing;
import iq.gov.bcc.localstack.LocalStack;
import iq.gov.bcc.simulator.Clients;
import iq.gov.bcc.simulator.Consignment;
import iq.gov.bcc.simulator.Credentials;
import iq.gov.bcc.simulator.CrossingSystems;
import iq.gov.bcc.simulator.Detection;
import iq.gov.bcc.simulator.Options;
import iq.gov.bcc.simulator.Played;
import iq.gov.bcc.simulator.Simulator;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A short simulated day from the 22 crossings, played through the clients generated from the
 * services' OpenAPI documents with each crossing's own Keycloak client, into the three services
 * running as separate processes on real PostgreSQL, Kafka and Keycloak. The discrepancies that come
 * out are held against the simulator's ground truth; then auditors work a case under the four-eyes
 * rule and crossings try to act for one another.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedDayIT {

    private static final int GRACE_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;
    private static Options options;
    private static Clients clients;
    private static Simulator.Result day;

    @BeforeAll
    static void startTheSystem() {
        Path root = Path.of(System.getProperty("bcc.home", "..")).toAbsolutePath().normalize();
        stack = new LocalStack(root, LocalStack.Layout.freePorts(LocalStack.SERVICES), Map.of("audit-service", Map.of(
                "BCC_AUDIT_UNPAID_RELEASE_GRACE", "PT" + GRACE_SECONDS + "S", "BCC_AUDIT_SWEEP_INTERVAL", "1s",
                "BCC_AUDIT_OUTLIER_MIN_SAMPLE", "10", "BCC_AUDIT_FOUR_EYES_AMOUNT_IQD", "1000000")));
        stack.start();
        Map<String, String> environment = new HashMap<>();
        options = Options.parse(new String[] {"--seed=2020", "--declarations=260", "--day-minutes=1", "--history=11",
                "--fraud-rate=0.2", "--threads=16", "--declaration-url=" + stack.url("declaration-service"),
                "--tariff-url=" + stack.url("tariff-service"), "--audit-url=" + stack.url("audit-service"),
                "--keycloak-url=" + stack.keycloak().baseUrl(), "--grace-seconds=" + GRACE_SECONDS,
                "--settle-seconds=180", "--output=" + root.resolve("system-tests/target/simulation")}, environment);
        clients = new Clients(options, new Credentials(options, environment));
    }

    @AfterAll
    static void stopTheSystem() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void theClientsAreGeneratedFromTheDocumentsTheServicesServe() throws Exception {
        for (String service : LocalStack.SERVICES) {
            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.url(service) + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(200);
            JsonNode stored = JSON.readTree(Files.readString(Path.of(System.getProperty("bcc.home", ".."), service,
                    "target/openapi/openapi.json")));
            JsonNode document = JSON.readTree(served.body());
            // The contract: paths and schemas. (The security scheme names this run's Keycloak, not the build's.)
            assertThat(document.path("paths")).as(service + " serves the paths its clients were generated from")
                    .isEqualTo(stored.path("paths"));
            assertThat(document.path("components").path("schemas")).as(service + " serves the schemas its clients use")
                    .isEqualTo(stored.path("components").path("schemas"));
        }
    }

    /** Detection quality: every deterministic rule at recall 1.00 and precision 0.99, the outlier rule at 0.90. */
    @Test
    @Order(2)
    void aSimulatedDayWithInjectedFraudIsDetectedAsTheGroundTruthSays() throws IOException {
        day = new Simulator(options, Map.of(), System.out).run();
        System.out.println(day.summary());

        assertThat(day.failures()).as("consignments the services refused or lost").isZero();
        assertThat(day.plan().frauds().values().stream().mapToInt(Integer::intValue).sum()).isGreaterThan(30);
        for (Detection.Row row : day.detection().rows()) {
            assertThat(row.meetsTarget()).as(row.type() + ": " + row).isTrue();
        }
        long meant = day.detection().rows().stream().filter(r -> r.expected() > 0).count();
        assertThat(meant).as("types the day was meant to show").isGreaterThanOrEqualTo(9);
        assertThat(day.revenue().getRows()).as("revenue rows by crossing").hasSizeGreaterThan(15);
        // The auditors' revenue for the day is, to the dinar, what the tariff service assessed for the day's
        // imports and what the crossings collected for them.
        List<Played> theDay = day.played().stream().filter(p -> !p.consignment().history()).toList();
        BigDecimal assessed = theDay.stream().filter(p -> p.latestAssessment() != null)
                .map(p -> new BigDecimal(p.latestAssessment().getTotalDutyIqd())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal collected = theDay.stream().map(Played::paidIqd).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(new BigDecimal(day.revenue().getTotal().getAssessedIqd())).isEqualByComparingTo(assessed);
        assertThat(new BigDecimal(day.revenue().getTotal().getCollectedIqd())).isEqualByComparingTo(collected);
        assertThat(new BigDecimal(day.revenue().getTotal().getGapIqd())).as("the day's revenue gap").isPositive();
        assertThat(Files.readAllLines(options.output().resolve("ground-truth.jsonl"))).hasSizeGreaterThan(400);
    }

    /**
     * A dismissal above the threshold is pending until a second, different senior auditor dismisses
     * too; the first auditor cannot confirm their own dismissal and a plain auditor cannot be the second.
     */
    @Test
    @Order(3)
    void aLargeDismissalNeedsASecondDifferentSeniorAuditor() throws Exception {
        DiscrepancyView large = day.discrepancies().stream()
                .filter(d -> "OPEN".equals(d.getStatus()) && d.getAmountAtStakeIqd() != null
                        && new BigDecimal(d.getAmountAtStakeIqd()).compareTo(new BigDecimal("1000000")) > 0)
                .max(Comparator.comparing(d -> new BigDecimal(d.getAmountAtStakeIqd()))).orElseThrow();
        String id = large.getId().toString();
        DecisionRequest dismiss = new DecisionRequest().decision("DISMISS").reason("Receipt found in the paper cash book");

        DiscrepancyView first = clients.discrepancies("auditor").decide(id, dismiss);
        assertThat(first.getFourEyes().getPending()).isTrue();
        assertThat(first.getStatus()).isEqualTo("UNDER_REVIEW");
        assertThat(status(() -> clients.discrepancies("auditor").decide(id, dismiss))).isEqualTo(409);
        assertThat(status(() -> clients.discrepancies("auditor2").decide(id, dismiss))).isEqualTo(403);
        assertThat(clients.discrepancies("auditor2").discrepancy(id).getStatus()).isEqualTo("UNDER_REVIEW");

        DiscrepancyView second = clients.discrepancies("senior").decide(id, dismiss);
        assertThat(second.getStatus()).isEqualTo("DISMISSED");
        assertThat(second.getDecisions()).extracting(d -> d.getDecidedBy()).contains("auditor", "senior");
        assertThat(clients.discrepancies("auditor2").discrepancy(id).getStatus()).isEqualTo("DISMISSED");
    }

    /** A crossing acts only for itself: another crossing's declarations are out of its reach, and so are the audits. */
    @Test
    @Order(4)
    void aCrossingCannotActForAnother() throws Exception {
        Played someone = day.played().stream().filter(p -> !p.failed() && !p.consignment().history()
                && p.consignment().direction() == iq.gov.bcc.client.declaration.model.Direction.IMPORT).findFirst().orElseThrow();
        Consignment theirs = someone.consignment();
        String intruder = "SHL".equals(theirs.crossing()) ? "SFW" : "SHL";
        Weighing weighing = new Weighing().grossWeightKg(new BigDecimal("100")).scaleId(intruder + "-WB-9")
                .weighedAt(OffsetDateTime.now().minusMinutes(5));

        assertThat(declarationStatus(() -> clients.declarations(intruder).weigh(someone.declarationId(), weighing))).isEqualTo(403);
        assertThat(declarationStatus(() -> clients.declarations(intruder).declaration(someone.declarationId()))).isEqualTo(403);
        assertThat(declarationStatus(() -> clients.declarations(intruder).fileDeclaration(
                CrossingSystems.declaration(theirs).reference(theirs.reference() + "-X")))).isEqualTo(403);
        BatchResponse batch = clients.declarations(intruder).upload(ApiClient.createDefaultObjectMapper()
                .writeValueAsString(CrossingSystems.declaration(theirs).reference(theirs.reference() + "-B")));
        assertThat(batch.getRejected()).isEqualTo(1);
        assertThat(batch.getResults().get(0).getStatus()).isEqualTo(403);
        assertThat(clients.declarations(theirs.crossing()).versions(someone.declarationId())).hasSize(1 + (theirs.reclassifyTo().isPresent() ? 1 : 0));

        Credentials credentials = new Credentials(options, Map.of());
        assertThat(status(() -> new iq.gov.bcc.client.audit.api.DiscrepanciesApi(auditClientAs(credentials.crossing(intruder)))
                .discrepancies(null, null, null, null, null, null, null, null))).isEqualTo(403);
    }

    @FunctionalInterface
    private interface AuditCall {
        Object run() throws iq.gov.bcc.client.audit.ApiException;
    }

    @FunctionalInterface
    private interface DeclarationCall {
        Object run() throws iq.gov.bcc.client.declaration.ApiException;
    }

    /** The HTTP status of a call that must fail. */
    private static int status(AuditCall call) {
        try {
            call.run();
        } catch (iq.gov.bcc.client.audit.ApiException e) {
            return e.getCode();
        }
        throw new AssertionError("the call succeeded");
    }

    private static int declarationStatus(DeclarationCall call) {
        try {
            call.run();
        } catch (iq.gov.bcc.client.declaration.ApiException e) {
            return e.getCode();
        }
        throw new AssertionError("the call succeeded");
    }

    private static iq.gov.bcc.client.audit.ApiClient auditClientAs(String token) {
        iq.gov.bcc.client.audit.ApiClient client = new iq.gov.bcc.client.audit.ApiClient();
        client.updateBaseUri(stack.url("audit-service"));
        client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
        return client;
    }
}
