package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.declaration;
import static iq.gov.bcc.declaration.Samples.firstItem;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.localstack.TestInfrastructure;
import iq.gov.bcc.localstack.Tokens;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a hostile or broken crossing system might send. Each bad request is answered 4xx problem+json
 * naming the field at fault and leaves nothing behind (no row, no outbox event); what is legitimate
 * however odd (SQL, markup, Arabic, line breaks in remarks) is stored literally and read back intact.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class AbuseTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Per category: requests sent, accepted (2xx), and facts written by refused ones. */
    private static final Map<String, long[]> COUNTS = new ConcurrentHashMap<>();
    private static final Map<String, String> INJECTED = Map.of(
            "other-crossing", "a crossing writing for another crossing (filing, weighing, release, amendment, payment, batch lines)",
            "huge-numbers", "1e400, 100- and 2000-digit numbers, 1e999999999 as weights, quantities and amounts",
            "non-positive-weights", "zero and negative net, gross and weighbridge weights",
            "invalid-codes", "unknown or malformed crossing, HS, country, currency, unit, channel and enum codes (withdrawn currencies too)",
            "control-characters", "NUL, BEL, ESC, DEL, C1, tab and line breaks in single-line text, broken UTF-16",
            "nesting-and-shape", "JSON nested 5,000 deep, wrong types, truncated JSON, an empty body, two JSON values in one body, misspelt fields",
            "times-out-of-range", "lodgement, weighing and payment times before 2000 or beyond what the database stores, a transit deadline years away",
            "oversized", "a 5 MB declaration, a 1001-line batch");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A request body: a map (sent as JSON) or the exact text to send. */
    record Bad(String category, String name, String path, Supplier<Object> body, int status, String field) {
        @Override
        public String toString() {
            return category + ": " + name;
        }
    }

    static Stream<Bad> badRequests() {
        String declarations = "/api/v1/declarations";
        return Stream.of(
                new Bad("other-crossing", "file for TRB", declarations, () -> declaration("TRB"), 403, null),
                new Bad("other-crossing", "receipt of TRB", "/api/v1/payments", () -> receipt("TRB"), 403, null),
                new Bad("huge-numbers", "netWeightKg 1e400", declarations, () -> raw(item(i -> i.put("netWeightKg", new BigDecimal("1e400")))), 400, "items[0].netWeightKg"),
                new Bad("huge-numbers", "grossWeightKg of 100 digits", declarations, () -> raw(item(i -> i.put("grossWeightKg", new BigInteger("9".repeat(100))))), 400, "items[0].grossWeightKg"),
                new Bad("huge-numbers", "quantity of 2000 digits", declarations, () -> raw(item(i -> i.put("quantity", new BigInteger("7".repeat(2000))))), 400, null),
                new Bad("huge-numbers", "quantity 1e999999999", declarations, () -> raw(item(i -> i.put("quantity", new BigDecimal("1e999999999")))), 400, "items[0].quantity"),
                new Bad("huge-numbers", "customs value \"1e400\"", declarations, () -> item(i -> i.put("customsValue", Map.of("amount", "1e400", "currency", "USD"))), 400, "items[0].customsValue.amount"),
                new Bad("huge-numbers", "receipt of 10^30 IQD", "/api/v1/payments", () -> receipt("SHL", "1" + "0".repeat(30)), 400, "amount.amount"),
                new Bad("huge-numbers", "weighbridge 1e400 kg", "weighing", () -> raw(Map.of("grossWeightKg", new BigDecimal("1e400"), "scaleId", "SHL-WB-1", "weighedAt", Samples.now())), 400, "grossWeightKg"),
                new Bad("non-positive-weights", "net weight -1", declarations, () -> item(i -> i.put("netWeightKg", "-1")), 400, "items[0].netWeightKg"),
                new Bad("non-positive-weights", "gross weight 0", declarations, () -> item(i -> i.put("grossWeightKg", 0)), 400, "items[0].grossWeightKg"),
                new Bad("non-positive-weights", "quantity -3", declarations, () -> item(i -> i.put("quantity", -3)), 400, "items[0].quantity"),
                new Bad("non-positive-weights", "weighbridge 0 kg", "weighing", () -> Map.of("grossWeightKg", 0, "scaleId", "SHL-WB-1", "weighedAt", Samples.now()), 400, "grossWeightKg"),
                new Bad("non-positive-weights", "weighbridge -24000 kg", "weighing", () -> Map.of("grossWeightKg", -24000, "scaleId", "SHL-WB-1", "weighedAt", Samples.now()), 400, "grossWeightKg"),
                new Bad("invalid-codes", "crossing ZZZ", declarations, () -> with(b -> b.put("crossingCode", "ZZZ")), 400, "crossingCode"),
                new Bad("invalid-codes", "crossing shl", declarations, () -> with(b -> b.put("crossingCode", "shl")), 400, "crossingCode"),
                new Bad("invalid-codes", "HS code 72142", declarations, () -> item(i -> i.put("hsCode", "72142")), 400, "items[0].hsCode"),
                new Bad("invalid-codes", "HS code with a letter", declarations, () -> item(i -> i.put("hsCode", "7214O0")), 400, "items[0].hsCode"),
                new Bad("invalid-codes", "origin XX", declarations, () -> with(b -> b.put("originCountry", "XX")), 400, "originCountry"),
                new Bad("invalid-codes", "currency XYZ", declarations, () -> item(i -> i.put("customsValue", Map.of("amount", "10", "currency", "XYZ"))), 400, "items[0].customsValue.currency"),
                new Bad("nesting-and-shape", "a misspelt exemptionLicense", declarations, () -> item(i -> i.put("exemptionLicense", "INV-2026-0042")), 400, "items[0].exemptionLicense"),
                new Bad("nesting-and-shape", "a receipt with receiptNo for receiptNumber", "/api/v1/payments", () -> {
                    Map<String, Object> r = receipt("SHL", "1000");
                    r.put("receiptNo", r.remove("receiptNumber"));
                    return r;
                }, 400, "receiptNo"),
                new Bad("invalid-codes", "currency DEM, withdrawn in 2002", declarations, () -> item(i -> i.put("customsValue", Map.of("amount", "10", "currency", "DEM"))), 400, "items[0].customsValue.currency"),
                new Bad("invalid-codes", "receipt in XXX, the code for no currency", "/api/v1/payments", () -> {
                    Map<String, Object> r = receipt("SHL", "1000");
                    r.put("amount", Map.of("amount", "1000", "currency", "XXX"));
                    return r;
                }, 400, "amount.currency"),
                new Bad("invalid-codes", "unit kilograms", declarations, () -> item(i -> i.put("unit", "kilograms")), 400, "items[0].unit"),
                new Bad("invalid-codes", "direction SMUGGLE", declarations, () -> with(b -> b.put("direction", "SMUGGLE")), 400, "direction"),
                new Bad("invalid-codes", "transit exit ZZZ", declarations, () -> {
                    Map<String, Object> transit = Samples.transit("SHL", "TRB");
                    transit.put("exitCrossingCode", "ZZZ");
                    return transit;
                }, 400, "exitCrossingCode"),
                new Bad("invalid-codes", "inspection channel PURPLE", "inspection", () -> Map.of("channel", "PURPLE", "outcome", "CONFORMS", "inspectedAt", Samples.now()), 400, "channel"),
                new Bad("invalid-codes", "receipt method CHEQUE", "/api/v1/payments", () -> {
                    Map<String, Object> receipt = receipt("SHL");
                    receipt.put("method", "CHEQUE");
                    return receipt;
                }, 400, "method"),
                new Bad("control-characters", "NUL in description", declarations, () -> item(i -> i.put("description", "steel\u0000bars")), 400, "items[0].description"),
                new Bad("control-characters", "BEL in trader name", declarations, () -> trader("Basra\u0007Steel"), 400, "trader.name"),
                new Bad("control-characters", "ANSI escape in description", declarations, () -> item(i -> i.put("description", "\u001b[31mred\u001b[0m")), 400, "items[0].description"),
                new Bad("control-characters", "DEL in description", declarations, () -> item(i -> i.put("description", "bars\u007f")), 400, "items[0].description"),
                new Bad("control-characters", "C1 NEL in trader name", declarations, () -> trader("Basra\u0085Steel"), 400, "trader.name"),
                new Bad("control-characters", "tab in description", declarations, () -> item(i -> i.put("description", "steel\tbars")), 400, "items[0].description"),
                new Bad("control-characters", "line break in trader name", declarations, () -> trader("Basra\nSteel"), 400, "trader.name"),
                new Bad("control-characters", "broken UTF-16 in description", declarations, () -> item(i -> i.put("description", "truck \ud83d")), 400, "items[0].description"),
                new Bad("control-characters", "NUL in remarks", "inspection", () -> Map.of("channel", "RED", "outcome", "CONFORMS", "remarks", "ok\u0000", "inspectedAt", Samples.now()), 400, "remarks"),
                new Bad("control-characters", "control character in plate", declarations, () -> with(b -> b.put("vehiclePlate", "BSR\u00001")), 400, "vehiclePlate"),
                new Bad("nesting-and-shape", "5000 nested arrays in an unknown field", declarations, () -> raw(with(b -> b.put("x", "NEST"))).replace("\"NEST\"", "[".repeat(5000) + "]".repeat(5000)), 400, null),
                new Bad("nesting-and-shape", "5000 nested objects as trader", declarations, () -> raw(with(b -> b.put("trader", "NEST"))).replace("\"NEST\"", "{\"a\":".repeat(5000) + "1" + "}".repeat(5000)), 400, null),
                new Bad("nesting-and-shape", "items is a string", declarations, () -> with(b -> b.put("items", "many")), 400, "items"),
                new Bad("nesting-and-shape", "weight is an object", declarations, () -> item(i -> i.put("netWeightKg", Map.of("kg", 1))), 400, "items[0].netWeightKg"),
                new Bad("nesting-and-shape", "lodgedAt is a number", declarations, () -> with(b -> b.put("lodgedAt", 1700000000)), 400, "lodgedAt"),
                new Bad("nesting-and-shape", "truncated JSON", declarations, () -> raw(declaration("SHL")).substring(0, 120), 400, null),
                new Bad("nesting-and-shape", "an empty body", declarations, () -> "", 400, null),
                new Bad("nesting-and-shape", "JSON null", declarations, () -> "null", 400, null),
                new Bad("nesting-and-shape", "an array of declarations", declarations, () -> "[" + raw(declaration("SHL")) + "]", 400, null),
                new Bad("nesting-and-shape", "two declarations run together", declarations, () -> raw(declaration("SHL")) + raw(declaration("SHL")), 400, "body"),
                new Bad("nesting-and-shape", "a receipt followed by more JSON", "/api/v1/payments", () -> raw(receipt("SHL")) + " {}", 400, "body"),
                new Bad("nesting-and-shape", "a declaration followed by text", declarations, () -> raw(declaration("SHL")) + " and more", 400, null),
                new Bad("times-out-of-range", "lodgedAt in 5000 BC", declarations, () -> with(b -> b.put("lodgedAt", "-5000-01-01T00:00:00Z")), 400, "lodgedAt"),
                new Bad("times-out-of-range", "lodgedAt in 1999", declarations, () -> with(b -> b.put("lodgedAt", "1999-12-31T23:59:59+03:00")), 400, "lodgedAt"),
                new Bad("times-out-of-range", "weighedAt in year 1", "weighing", () -> Map.of("grossWeightKg", 24000, "scaleId", "SHL-WB-1", "weighedAt", "0001-01-01T00:00:00Z"), 400, "weighedAt"),
                new Bad("times-out-of-range", "paidAt in 1900", "/api/v1/payments", () -> {
                    Map<String, Object> receipt = receipt("SHL");
                    receipt.put("paidAt", "1900-01-01T00:00:00Z");
                    return receipt;
                }, 400, "paidAt"),
                new Bad("times-out-of-range", "transit deadline in 9999", declarations, () -> {
                    Map<String, Object> transit = Samples.transit("SHL", "TRB");
                    transit.put("transitDeadline", "9999-01-01T00:00:00Z");
                    return transit;
                }, 400, "transitDeadline"),
                new Bad("times-out-of-range", "transit deadline in 300000", declarations, () -> {
                    Map<String, Object> transit = Samples.transit("SHL", "TRB");
                    transit.put("transitDeadline", "+300000-01-01T00:00:00Z");
                    return transit;
                }, 400, "transitDeadline"));
    }

    static Stream<Arguments> cases() {
        return badRequests().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadRequestIsAProblemNamingTheFieldAndWritesNothing(Bad bad) {
        String path = path(bad);
        Object body = bad.body().get();
        String before = Samples.footprint();
        Response response = send(path, body);
        String after = Samples.footprint();

        count(bad.category(), response.statusCode(), before.equals(after) ? 0 : 1);
        assertThat(response.statusCode()).as("%s: %s", bad, response.asString()).isEqualTo(bad.status());
        assertThat(response.contentType()).as(bad.toString()).startsWith("application/problem+json");
        assertThat(response.asString()).as("no Java in answers").doesNotContain("com.fasterxml", "java.", "Exception", "iq.gov.");
        if (bad.field() != null) {
            assertThat(response.jsonPath().getList("violations.field", String.class)).as(bad.toString())
                    .contains(bad.field());
        }
        assertThat(after).as("%s left nothing behind", bad).isEqualTo(before);
    }

    @Test
    void aCrossingCannotWriteOnAnotherCrossingsDeclaration() {
        Map<String, Object> theirs = declaration("TRB");
        String id = Samples.file(theirs);
        Map<String, Object> amendment = new LinkedHashMap<>(theirs);
        amendment.put("reason", "lowering the weight");
        Samples.firstItem(amendment).put("netWeightKg", "1.000");
        Map<String, Object> writes = Map.of(
                "/weighings", Map.of("grossWeightKg", "1000", "scaleId", "SHL-WB-1", "weighedAt", Samples.now()),
                "/inspections", Map.of("channel", "GREEN", "outcome", "CONFORMS", "inspectedAt", Samples.now()),
                "/release", Map.of("releasedAt", Samples.now()),
                "/amendments", amendment);
        String before = Samples.footprint();
        writes.forEach((path, body) -> {
            as("SHL").body(body).post("/api/v1/declarations/" + id + path).then().statusCode(403)
                    .contentType("application/problem+json");
            count("other-crossing", 403, 0);
        });
        assertThat(Samples.footprint()).isEqualTo(before);
    }

    @Test
    void aBatchFromOneCrossingCannotFileForAnother() throws Exception {
        Map<String, Object> own = declaration("SHL");
        List<Map<String, Object>> foreign = List.of(declaration("TRB"), declaration("SFW"), declaration("ZRB"));
        StringBuilder body = new StringBuilder(JSON.writeValueAsString(own)).append('\n');
        for (Map<String, Object> d : foreign) {
            body.append(JSON.writeValueAsString(d)).append('\n');
        }
        given().auth().oauth2(Tokens.crossing("SHL")).contentType("application/x-ndjson").body(body.toString().getBytes(UTF_8))
                .post("/api/v1/declarations/batch").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(3))
                .body("results.status", equalTo(List.of(201, 403, 403, 403)));
        assertThat(Samples.rowsWithReference((String) own.get("reference"))).isOne();
        for (Map<String, Object> d : foreign) {
            assertThat(Samples.rowsWithReference((String) d.get("reference"))).isZero();
        }
        count("other-crossing", 200, 0);
        COUNTS.get("other-crossing")[0] += 3;
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        Map<String, Object> body = declaration("SHL");
        firstItem(body).put("description", "x".repeat(5 * 1024 * 1024));
        String before = Samples.footprint();
        Samples.Answer answer = Samples.postHeadOnly("/api/v1/declarations", Tokens.crossing("SHL"),
                JSON.writeValueAsBytes(body).length);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).isEqualTo("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("instance").asText()).isEqualTo("/api/v1/declarations");
        assertThat(problem.path("detail").asText()).contains("at most 4194304 bytes");
        count("oversized", 413, 0);

        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            lines.append(JSON.writeValueAsString(declaration("SHL"))).append('\n');
        }
        given().auth().oauth2(Tokens.crossing("SHL")).contentType("application/x-ndjson").body(lines.toString().getBytes(UTF_8))
                .post("/api/v1/declarations/batch").then().statusCode(413).contentType("application/problem+json");
        count("oversized", 413, 0);
        assertThat(Samples.footprint()).isEqualTo(before);
    }

    /**
     * A body sent without a length (chunked) is cut off when it passes the limit: 413, the connection
     * closed, nothing stored, and one INFO line for the 413 rather than a 500 error with a stack trace.
     */
    @Test
    void aBodyStreamedPastTheLimitIsCutOffAndLoggedAsThe413ItIs() throws Exception {
        String before = Samples.footprint();
        try (LogRecords problems = LogRecords.of("http-problem"); Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/declarations HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Tokens.crossing("SHL")
                    + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n{\"a\":\"\r\n")
                    .getBytes(UTF_8));
            // 6.5 MB of one string, against a 4 MB limit; the server may stop reading before the end.
            Thread writer = new Thread(() -> {
                byte[] chunk = "x".repeat(65_000).getBytes(UTF_8);
                try {
                    for (int i = 0; i < 100; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(UTF_8));
                        out.write(chunk);
                        out.write("\r\n".getBytes(UTF_8));
                    }
                    out.write("0\r\n\r\n".getBytes(UTF_8));
                } catch (IOException closedByTheServer) {
                    // expected once the server has answered
                }
            });
            writer.start();
            String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
            writer.join(30_000);
            assertThat(answer).startsWith("HTTP/1.1 413 ");
            await().atMost(Duration.ofSeconds(15)).until(() -> !problems.all().isEmpty());
            assertThat(problems.all()).singleElement().asString().startsWith("INFO").contains("status=413")
                    .contains("this service's limit for one request");
        }
        assertThat(Samples.footprint()).isEqualTo(before);
    }

    @Test
    void anUnreadableBodyIsLoggedInTheWordsTheCrossingWasGiven() {
        try (LogRecords problems = LogRecords.of("http-problem")) {
            String detail = as("SHL").body("{\"reference\":\"SHL-2026-1\",\"items\":[{\"netWeightKg\":24000,}]}")
                    .post("/api/v1/declarations").then().statusCode(400).contentType("application/problem+json")
                    .body("field", nullValue()).extract().path("detail");
            assertThat(detail).doesNotContain("com.fasterxml").doesNotContain("java.");
            await().atMost(Duration.ofSeconds(15)).until(() -> !problems.all().isEmpty());
            assertThat(problems.all()).singleElement().asString().contains("status=400").contains(detail)
                    .doesNotContain("com.fasterxml").doesNotContain("java.");
        }
    }

    @Test
    void hostileButLegitimateTextIsStoredLiterallyAndReturnedAsJsonText() {
        String sql = "'; DROP TABLE declaration; -- \" OR 1=1";
        String script = "<script>alert(document.cookie)</script><img src=x onerror=alert(1)>";
        String arabic = "شركة البصرة للحديد والصلب — فرع الشلامجة";
        Map<String, Object> body = declaration("SHL");
        ((Map<String, Object>) body.get("trader")).put("name", arabic + " " + sql);
        firstItem(body).put("description", script + " حديد تسليح \\ back\\slash \"quoted\"");
        body.put("vehiclePlate", "بصرة 12345");
        String id = Samples.file(body);
        String remarks = "الأختام سليمة\n\tوجدت 24 حزمة";
        as("SHL").body(Map.of("channel", "RED", "outcome", "CONFORMS", "remarks", remarks, "inspectedAt", Samples.now()))
                .post("/api/v1/declarations/" + id + "/inspections").then().statusCode(201)
                .body("remarks", equalTo(remarks));

        Response read = Samples.asUser("auditor").get("/api/v1/declarations/" + id);
        read.then().statusCode(200).contentType("application/json")
                .body("trader.name", equalTo(arabic + " " + sql))
                .body("items[0].description", equalTo(script + " حديد تسليح \\ back\\slash \"quoted\""))
                .body("vehiclePlate", equalTo("بصرة 12345"))
                .body("inspections[0].remarks", equalTo(remarks));
        // JSON text, not markup: quotes and backslashes escaped, line breaks as \n, the tags inert inside a string.
        assertThat(read.asString()).contains("\\\"quoted\\\"").contains("\\\\ back\\\\slash").contains("\\n\\t");
        // The database holds what was sent, byte for byte; the tables are all still there.
        assertThat(TestInfrastructure.postgres().psql("bcc_declaration",
                "SELECT trader_tax_id || '|' || (SELECT count(*) FROM declaration WHERE id = '" + id + "') FROM declaration WHERE id = '" + id + "'"))
                .isEqualTo("IQ-100200300|1");
        new ReliabilityRecord("abuse-literal-text-declaration-service", "abuse", "declaration-service",
                "SQL injection, <script> and event-handler markup, quotes, backslashes, Arabic, and line breaks in "
                        + "inspection remarks",
                2, 2, 2, 0, "stored literally and returned intact as JSON strings (application/json); no table dropped")
                .write();
    }

    @AfterAll
    static void record() {
        COUNTS.forEach((category, counts) -> new ReliabilityRecord("abuse-" + category + "-declaration-service", "abuse",
                "declaration-service", INJECTED.get(category), counts[0], counts[1], counts[2], 0,
                counts[1] == 0 && counts[2] == 0
                        ? "every request refused with 4xx problem+json naming the field; nothing stored, no outbox event"
                        : "SOME REQUESTS WERE ACCEPTED OR LEFT DATA: see the test report").write());
    }

    private static void count(String category, int status, long written) {
        long[] counts = COUNTS.computeIfAbsent(category, c -> new long[3]);
        synchronized (counts) {
            counts[0]++;
            if (status < 300 && !category.equals("other-crossing")) {
                counts[1]++;
            }
            counts[2] += written;
        }
    }

    private static Response send(String path, Object body) {
        var request = given().auth().oauth2(Tokens.crossing("SHL")).contentType("application/json");
        if (body instanceof String text) {
            request.body(text.getBytes(UTF_8));
        } else if (body != null) {
            request.body(body);
        }
        return request.post(path);
    }

    /** Weighings and inspections go to a fresh declaration of SHL. */
    private static String path(Bad bad) {
        if (bad.path().startsWith("/")) {
            return bad.path();
        }
        String id = Samples.file(declaration("SHL"));
        return "/api/v1/declarations/" + id + (bad.path().equals("weighing") ? "/weighings" : "/inspections");
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = declaration("SHL");
        change.accept(body);
        return body;
    }

    private static Map<String, Object> item(Consumer<Map<String, Object>> change) {
        return with(b -> change.accept(firstItem(b)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> trader(String name) {
        return with(b -> ((Map<String, Object>) b.get("trader")).put("name", name));
    }

    private static Map<String, Object> receipt(String crossing) {
        return receipt(crossing, "1000.000");
    }

    private static Map<String, Object> receipt(String crossing, String amount) {
        return new LinkedHashMap<>(PaymentTest.receipt(crossing, java.util.UUID.randomUUID().toString(), amount));
    }

    private static String raw(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
