package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import iq.gov.bcc.localstack.TestInfrastructure;
import iq.gov.bcc.localstack.Tokens;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies and authenticated requests shared by the declaration-service tests. */
final class Samples {

    static final ZoneOffset BAGHDAD = ZoneOffset.ofHours(3);

    private Samples() {
    }

    static String reference(String crossing) {
        return crossing + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    /** A valid import of steel bars from Iran at the given crossing; tests change what they need. */
    static Map<String, Object> declaration(String crossing) {
        Map<String, Object> body = new HashMap<>();
        body.put("crossingCode", crossing);
        body.put("reference", reference(crossing));
        body.put("direction", "IMPORT");
        body.put("lodgedAt", OffsetDateTime.now(BAGHDAD).minusHours(2).withNano(0).toString());
        body.put("trader", new HashMap<>(Map.of("taxId", "IQ-100200300", "name", "شركة البصرة للحديد")));
        body.put("vehiclePlate", "BSR 12345");
        body.put("originCountry", "IR");
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("721420", "24000.000", "24350.000", "13200.00"));
        body.put("items", items);
        return body;
    }

    static Map<String, Object> item(String hsCode, String net, String gross, String value) {
        Map<String, Object> item = new HashMap<>();
        item.put("hsCode", hsCode);
        item.put("description", "Reinforcing steel bars, hot-rolled");
        item.put("quantity", Integer.valueOf(net.split("\\.")[0]));
        item.put("unit", "KGM");
        item.put("netWeightKg", net);
        item.put("grossWeightKg", gross);
        item.put("customsValue", new HashMap<>(Map.of("amount", value, "currency", "USD")));
        return item;
    }

    static Map<String, Object> firstItem(Map<String, Object> declaration) {
        return items(declaration).get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> declaration) {
        return (List<Map<String, Object>>) declaration.get("items");
    }

    static Map<String, Object> transit(String entry, String exit) {
        Map<String, Object> body = declaration(entry);
        body.put("direction", "TRANSIT");
        body.put("exitCrossingCode", exit);
        body.put("transitDeadline", OffsetDateTime.now(BAGHDAD).plusDays(3).withNano(0).toString());
        return body;
    }

    static RequestSpecification as(String crossing) {
        return given().auth().oauth2(Tokens.crossing(crossing)).contentType(ContentType.JSON);
    }

    static RequestSpecification asUser(String user) {
        return given().auth().oauth2(Tokens.user(user)).contentType(ContentType.JSON);
    }

    /** Files a declaration and returns its id. */
    static String file(Map<String, Object> body) {
        return as((String) body.get("crossingCode")).body(body).post("/api/v1/declarations")
                .then().statusCode(201).extract().path("id");
    }

    /** Rows of the declaration database with this reference: proof that nothing was half-written. */
    static long rowsWithReference(String reference) {
        return Long.parseLong(TestInfrastructure.postgres().psql("bcc_declaration",
                "SELECT count(*) FROM declaration WHERE reference = '" + reference.replace("'", "''") + "'"));
    }

    /**
     * Everything a write can leave behind: the rows of each fact table, the declarations that moved on
     * from FILED, and the outbox's identity sequence (which only an inserted event advances, even after
     * the relay has deleted the row). Equal before and after a refused request: nothing was written.
     */
    static String footprint() {
        return TestInfrastructure.postgres().psql("bcc_declaration", "SELECT concat_ws('/', "
                + "(SELECT count(*) FROM declaration), (SELECT count(*) FROM declaration_version), "
                + "(SELECT count(*) FROM weighing), (SELECT count(*) FROM inspection), "
                + "(SELECT count(*) FROM payment_receipt), (SELECT count(*) FROM declaration WHERE status <> 'FILED'), "
                + "(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_event_id_seq))");
    }

    static String now() {
        return OffsetDateTime.now(BAGHDAD).withNano(0).toString();
    }

    /** The answer to a request that declares a body of {@code length} bytes and waits for the go-ahead. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * Posts only the head of a request declaring a body of {@code length} bytes, with {@code Expect:
     * 100-continue}, and reads the answer until the server closes the connection. A raw socket, because
     * Java 17's HttpClient hangs reading a refusal that has a body (JDK-8286171, fixed in 19).
     */
    static Answer postHeadOnly(String path, String token, long length) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, headEnd).split("\r\n");
            String contentType = Arrays.stream(lines).skip(1)
                    .filter(l -> l.regionMatches(true, 0, "content-type:", 0, 13))
                    .map(l -> l.substring(13).trim()).findFirst().orElse(null);
            return new Answer(Integer.parseInt(lines[0].split(" ")[1]), contentType, answer.substring(headEnd + 4));
        }
    }
}
