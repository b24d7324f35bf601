package iq.gov.bcc.audit;

import static io.restassured.RestAssured.given;
import static iq.gov.bcc.audit.Events.ASSESSMENTS;
import static iq.gov.bcc.audit.Events.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Tokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listing with filters and cursors, CSV export, crossings and scorecards, errors and access rules. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class QueriesTest {

    static final String CROSSING = "PWZ";
    static final List<String> IDS = new java.util.ArrayList<>();
    static UUID declaration;

    static boolean prepared;

    /** Once per class; in @BeforeEach because the HTTP port is known only around each test. */
    @BeforeEach
    void prepare() {
        if (!prepared) {
            threeUnderpaymentsAtOneCrossing();
            prepared = true;
        }
    }

    static void threeUnderpaymentsAtOneCrossing() {
        // shortfalls 300,000 / 600,000 / 900,000 IQD
        for (String paid : new String[] { "2293800.000", "1993800.000", "1693800.000" }) {
            Events.Declaration d = new Events.Declaration().crossing(CROSSING);
            d.file();
            d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
            d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), paid, "IQD", true, Events.daytime()));
            IDS.add((String) Audit.awaitStatus(d.id, "UNDERPAYMENT", "OPEN").get("id"));
            declaration = d.id;
        }
    }

    @Test
    void listFiltersByCrossingTypeAndAmountAndPagesWithACursor() {
        JsonPath all = Audit.as("auditor").queryParam("crossing", CROSSING).queryParam("type", "UNDERPAYMENT")
                .get("/api/v1/discrepancies").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items.id", String.class)).containsExactlyInAnyOrderElementsOf(IDS);
        assertThat(all.getList("items.crossingCode", String.class)).containsOnly(CROSSING);

        JsonPath first = Audit.as("auditor").queryParam("crossing", CROSSING).queryParam("limit", 2)
                .get("/api/v1/discrepancies").then().statusCode(200).body("items", hasSize(2))
                .body("nextCursor", notNullValue()).extract().jsonPath();
        JsonPath second = Audit.as("auditor").queryParam("crossing", CROSSING).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/discrepancies").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue()).extract().jsonPath();
        List<String> paged = new java.util.ArrayList<>(first.getList("items.id", String.class));
        paged.addAll(second.getList("items.id", String.class));
        assertThat(paged).containsExactlyInAnyOrderElementsOf(IDS);

        Audit.as("auditor").queryParam("crossing", CROSSING).queryParam("minAmountIqd", "600000")
                .get("/api/v1/discrepancies").then().statusCode(200).body("items", hasSize(2));
        Audit.as("auditor").queryParam("crossing", CROSSING).queryParam("status", "CONFIRMED")
                .get("/api/v1/discrepancies").then().statusCode(200).body("items", hasSize(0));
        Audit.as("auditor").queryParam("crossing", CROSSING).queryParam("from", "2000-01-01").queryParam("to", "2000-12-31")
                .get("/api/v1/discrepancies").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void csvExportStreamsEveryMatchWithAHeader() {
        String csv = Audit.as("auditor").accept("text/csv").queryParam("crossing", CROSSING)
                .get("/api/v1/discrepancies").then().statusCode(200).contentType(startsWith("text/csv"))
                .extract().asString();
        // UTF-8 with a byte-order mark, which Excel needs to read Arabic as UTF-8
        assertThat(csv).startsWith("\uFEFFid,type,status,declarationId,crossingCode,amountAtStakeIqd");
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(4);
        for (String id : IDS) {
            assertThat(lines).anySatisfy(l -> assertThat(l).startsWith(id + ",UNDERPAYMENT,OPEN,"));
        }
        assertThat(csv).contains(",PWZ,300000.000,").contains(",PWZ,900000.000,");
    }

    @Test
    void oneCaseAndTheCorrelationOfItsDeclaration() {
        Audit.as("senior").get("/api/v1/discrepancies/{id}", IDS.get(2)).then().statusCode(200)
                .body("type", equalTo("UNDERPAYMENT")).body("amountAtStakeIqd", equalTo("900000.000"))
                .body("evidence.shortfallIqd", equalTo("900000.000")).body("decisions", hasSize(0));
        Audit.as("auditor").get("/api/v1/declarations/{id}/correlation", declaration).then().statusCode(200)
                .body("versions", hasSize(1)).body("assessments", hasSize(1)).body("receipts", hasSize(1))
                .body("dutyAssessedIqd", equalTo("2593800.000")).body("discrepancies", hasSize(1));
        Audit.as("auditor").get("/api/v1/declarations/{id}/correlation", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        Audit.as("auditor").get("/api/v1/discrepancies/{id}", UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        Map<String, String> bad = Map.of("type", "STOLEN", "status", "LOST", "from", "yesterday", "minAmountIqd", "lots",
                "limit", "0", "cursor", "%%%", "crossing", "shalamcheh");
        bad.forEach((field, value) -> Audit.as("auditor").queryParam(field, value).get("/api/v1/discrepancies").then()
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo(field))
                .body("violations[0].in", equalTo("query")).body("detail", startsWith(field + " ")));
        Audit.as("auditor").get("/api/v1/revenue").then().statusCode(400).body("violations[0].field", equalTo("from"));
        Audit.as("auditor").queryParam("from", "2026-08-01").queryParam("to", "2026-07-01").get("/api/v1/revenue")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        Audit.as("auditor").queryParam("from", "2026-08-01").queryParam("to", "2026-08-31").queryParam("groupBy", "week")
                .get("/api/v1/revenue").then().statusCode(400).body("violations[0].field", equalTo("groupBy"));
        Audit.as("auditor").get("/api/v1/declarations/{id}/correlation", "nope").then().statusCode(400)
                .body("violations[0].field", equalTo("id")).body("violations[0].in", equalTo("path"));
    }

    @Test
    void crossingsComeFromTheRegistryAndEachHasAScorecard() {
        Audit.as("auditor").get("/api/v1/crossings").then().statusCode(200).body("size()", equalTo(22))
                .body("find { it.code == 'SHL' }.neighbourCountry", equalTo("IR"));
        JsonPath card = Audit.as("auditor").get("/api/v1/crossings/{code}/scorecard", CROSSING).then().statusCode(200)
                .extract().jsonPath();
        assertThat(card.getLong("declarations")).isGreaterThanOrEqualTo(3);
        assertThat(card.getString("crossing.code")).isEqualTo(CROSSING);
        Map<String, Object> underpayments = card.<Map<String, Object>>getList("byType").stream()
                .filter(t -> "UNDERPAYMENT".equals(t.get("type"))).findFirst().orElseThrow();
        assertThat(((Number) underpayments.get("count")).intValue()).isGreaterThanOrEqualTo(3);
        Audit.as("auditor").get("/api/v1/crossings/{code}/scorecard", "XXX").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** The default period is 30 days, today included, in the configured zone; WLD has no other test's declarations. */
    @Test
    void scorecardDefaultsToTheThirtyDaysEndingTodayInTheConfiguredZone() {
        java.time.ZoneId zone = java.time.ZoneId.of(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("bcc.audit.zone", String.class));
        java.time.LocalDate today = java.time.LocalDate.now(zone);
        // noon in the zone on the first day of the period, and on the day before it
        RevenueTest.lodge("WLD", today.minusDays(29).atTime(12, 0).atZone(zone).toOffsetDateTime().toString(),
                "100000.000", "100000.000");
        RevenueTest.lodge("WLD", today.minusDays(30).atTime(12, 0).atZone(zone).toOffsetDateTime().toString(),
                "200000.000", "200000.000");

        JsonPath card = Audit.as("auditor").get("/api/v1/crossings/{code}/scorecard", "WLD").then().statusCode(200)
                .extract().jsonPath();
        java.time.LocalDate to = java.time.LocalDate.parse(card.getString("to"));
        assertThat(to).as("today in %s", zone).isIn(today, java.time.LocalDate.now(zone));
        assertThat(card.getString("from")).isEqualTo(to.minusDays(29).toString());
        if (to.equals(today)) {
            assertThat(card.getLong("declarations")).isEqualTo(1);
            assertThat(card.getString("assessedIqd")).isEqualTo("100000.000");
        }
    }

    @Test
    void scorecardCountsVolumeCollectionOffHoursReleasesAndCasesByType() {
        Events.Declaration night = new Events.Declaration().crossing("SFW");
        night.file();
        night.write(ASSESSMENTS, night.assessed(1, "1.000", "1000000.000", null));
        night.write(PAYMENTS, night.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "400000.000", "IQD", true,
                Events.daytime()));
        night.write(Events.DECLARATIONS, night.released(1, Events.daytime().plusHours(10))); // 22:00 Baghdad
        Events.Declaration noon = new Events.Declaration().crossing("SFW");
        noon.file();
        noon.write(ASSESSMENTS, noon.assessed(1, "1.000", "500000.000", null));
        noon.write(PAYMENTS, noon.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "500000.000", "IQD", true,
                Events.daytime()));
        noon.write(Events.DECLARATIONS, noon.released(1, Events.daytime()));
        Audit.awaitStatus(night.id, "UNPAID_RELEASE", "OPEN");
        Audit.awaitFacts(noon.id, 4);

        JsonPath card = Audit.as("auditor").get("/api/v1/crossings/SFW/scorecard").then().statusCode(200).extract().jsonPath();
        assertThat(card.getLong("declarations")).isEqualTo(2);
        assertThat(card.getLong("released")).isEqualTo(2);
        assertThat(card.getLong("releasedOffHours")).isEqualTo(1);
        assertThat(card.getString("offHoursReleaseShare")).isEqualTo("0.5000");
        assertThat(card.getString("assessedIqd")).isEqualTo("1500000.000");
        assertThat(card.getString("collectedIqd")).isEqualTo("900000.000");
        assertThat(card.getString("collectionRatio")).isEqualTo("0.6000");
        Map<String, Map<String, Object>> byType = new java.util.HashMap<>();
        card.<Map<String, Object>>getList("byType").forEach(t -> byType.put((String) t.get("type"), t));
        assertThat(byType.get("OFF_HOURS_RELEASE").get("amountAtStakeIqd")).isEqualTo("1000000.000");
        assertThat(byType.get("UNDERPAYMENT").get("amountAtStakeIqd")).isEqualTo("600000.000");
        assertThat(byType.get("UNPAID_RELEASE").get("amountAtStakeIqd")).isEqualTo("600000.000");
        assertThat(((Number) byType.get("UNPAID_RELEASE").get("open")).intValue()).isEqualTo(1);
    }

    @Test
    void everyAuditEndpointNeedsAnAuditorToken() {
        String id = IDS.get(0);
        List<String[]> endpoints = List.of(new String[] { "GET", "/api/v1/discrepancies" },
                new String[] { "GET", "/api/v1/discrepancies/" + id },
                new String[] { "POST", "/api/v1/discrepancies/" + id + "/decisions" },
                new String[] { "GET", "/api/v1/declarations/" + declaration + "/correlation" },
                new String[] { "GET", "/api/v1/revenue?from=2026-01-01&to=2026-01-31" },
                new String[] { "GET", "/api/v1/crossings" },
                new String[] { "GET", "/api/v1/crossings/SHL/scorecard" },
                new String[] { "GET", "/api/v1/ledger/verify" });
        for (String[] e : endpoints) {
            given().contentType("application/json").body("{\"decision\":\"CONFIRM\",\"reason\":\"x\"}")
                    .request(e[0], e[1]).then().statusCode(401);
            given().auth().oauth2(Tokens.crossing("SHL")).contentType("application/json")
                    .body("{\"decision\":\"CONFIRM\",\"reason\":\"x\"}").request(e[0], e[1]).then().statusCode(403);
            given().auth().oauth2(Tokens.user("tariff-admin")).contentType("application/json")
                    .body("{\"decision\":\"CONFIRM\",\"reason\":\"x\"}").request(e[0], e[1]).then().statusCode(403);
        }
        // nothing was decided by the refused calls
        Audit.as("auditor").get("/api/v1/discrepancies/{id}", id).then().body("status", equalTo("OPEN"));
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("/api/v1/discrepancies/{id}/decisions"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/v1/discrepancies/{id}/decisions'.post.responses.'413'.content", org.hamcrest.Matchers
                        .hasKey("application/problem+json"));
    }

    /** The closed sets of values, required fields and descriptions are in the document integrators generate from. */
    @Test
    void openApiDescribesTheValuesAndRequiredFields() {
        JsonPath schemas = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().setRootPath("components.schemas");
        // GPath reads "$ref" as a variable: taken from the map
        String types = "^(UNPAID_RELEASE|UNDERPAYMENT|ORPHAN_PAYMENT|DUPLICATE_RECEIPT|WEIGHT_MISMATCH|"
                + "POST_FILING_RECLASSIFICATION|INVALID_EXEMPTION|OFF_HOURS_RELEASE|UNIT_VALUE_OUTLIER|"
                + "RED_LANE_NOT_INSPECTED|TRANSIT_NOT_DISCHARGED)$";
        assertThat(schemas.getString("DiscrepancyView.properties.type.pattern")).isEqualTo(types);
        assertThat(schemas.getString("TypeCount.properties.type.pattern")).isEqualTo(types);
        assertThat(schemas.getString("DiscrepancyView.properties.status.pattern"))
                .isEqualTo("^(OPEN|UNDER_REVIEW|CONFIRMED|DISMISSED|CLOSED)$");
        assertThat(schemas.getString("DecisionRequest.properties.decision.pattern")).isEqualTo("^(REVIEW|CONFIRM|DISMISS)$");
        assertThat(schemas.getString("DecisionView.properties.effect.pattern")).isEqualTo("^(APPLIED|AWAITING_SECOND_SENIOR)$");
        assertThat(schemas.getList("DecisionRequest.required", String.class)).containsExactlyInAnyOrder("decision", "reason");
        // every value the service answers with matches its pattern
        for (var type : iq.gov.bcc.audit.domain.DiscrepancyType.values()) {
            assertThat(type.name()).matches(types);
        }
        for (var status : iq.gov.bcc.audit.domain.DiscrepancyStatus.values()) {
            assertThat(status.name()).matches(schemas.getString("DiscrepancyView.properties.status.pattern"));
        }
        for (var decision : iq.gov.bcc.audit.domain.DecisionKind.values()) {
            assertThat(decision.name()).matches(schemas.getString("DecisionRequest.properties.decision.pattern"));
        }
        // evidence has a schema of its own, not the Fact of the correlation view
        assertThat(schemas.getMap("DiscrepancyView.properties.evidence").get("$ref")).isEqualTo("#/components/schemas/Evidence");
        assertThat(schemas.getString("Evidence.description")).startsWith("What the rule found");
        for (String field : List.of("required", "thresholdIqd", "pending", "firstDismissedBy", "firstDismissedAt",
                "firstReason", "awaiting")) {
            assertThat(schemas.getString("FourEyesView.properties." + field + ".description")).as(field).isNotBlank();
        }
        for (String field : List.of("from", "to", "declarations", "released", "releasedOffHours", "offHoursReleaseShare",
                "assessedIqd", "collectedIqd", "collectionRatio", "discrepancies", "amountAtStakeIqd", "byType")) {
            assertThat(schemas.getString("Scorecard.properties." + field + ".description")).as(field).isNotBlank();
        }
    }
}
