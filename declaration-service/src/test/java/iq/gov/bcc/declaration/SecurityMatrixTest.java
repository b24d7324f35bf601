package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.declaration;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import iq.gov.bcc.localstack.Caller;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.localstack.Tokens;
import iq.gov.bcc.platform.security.VerifiedTokens;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the declaration API, called by nobody, with six kinds of untrustworthy token and by
 * each role: 401 unless the token is genuine and current, then 403 unless the role (and, for a
 * crossing, the crossing code) allows it, then the endpoint's own answer. A refused write leaves
 * nothing behind, not even an outbox event.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class SecurityMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong ALLOWED = new AtomicLong();

    /** Ids the read endpoints need, filed once by SHL. */
    record Fixture(String declaration, String weighing, String inspection, String payment) {

        static Fixture file() {
            String id = Samples.file(Samples.declaration("SHL"));
            String weighing = as("SHL").body(SecurityMatrixTest.weighing()).post("/api/v1/declarations/" + id + "/weighings").then()
                    .statusCode(201).extract().path("id");
            String inspection = as("SHL").body(SecurityMatrixTest.inspection()).post("/api/v1/declarations/" + id + "/inspections")
                    .then().statusCode(201).extract().path("id");
            String payment = as("SHL").body(PaymentTest.receipt("SHL", id, "1000.000")).post("/api/v1/payments").then()
                    .statusCode(201).extract().path("id");
            return new Fixture(id, weighing, inspection, payment);
        }
    }

    /** What one call sends: the path, and the body (null for none). */
    record Call(String path, Object body) {
    }

    /**
     * One operation: how to call it (on a fresh target where the call changes state) and what each
     * authentic caller gets; a caller not named gets 403.
     */
    record Endpoint(String method, String name, String contentType, Function<Fixture, Call> call,
            Map<Caller, Integer> allowed) {

        boolean writes() {
            return !method.equals("GET");
        }

        int expected(Caller caller) {
            return caller.authentic() ? allowed.getOrDefault(caller, 403) : 401;
        }

        @Override
        public String toString() {
            return method + " " + name;
        }
    }

    private static Fixture fixture;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Filed on first use: the application (and RestAssured's port) is not ready in @BeforeAll. */
    private static synchronized Fixture fixture() {
        if (fixture == null) {
            fixture = Fixture.file();
        }
        return fixture;
    }

    static Map<String, Object> weighing() {
        return Map.of("grossWeightKg", "24400", "scaleId", "SHL-WB-9", "weighedAt", Samples.now());
    }

    static Map<String, Object> inspection() {
        return Map.of("channel", "RED", "outcome", "CONFORMS", "inspectedAt", Samples.now());
    }

    static final Map<Caller, Integer> READERS = Map.of(Caller.CROSSING_SHL, 200, Caller.AUDITOR, 200,
            Caller.SENIOR_AUDITOR, 200);

    static Stream<Endpoint> endpoints() {
        String json = "application/json";
        String base = "/api/v1/declarations/";
        return Stream.of(
                new Endpoint("POST", "/declarations", json, f -> new Call("/api/v1/declarations", declaration("SHL")),
                        Map.of(Caller.CROSSING_SHL, 201)),
                new Endpoint("GET", "/declarations", null, f -> new Call("/api/v1/declarations", null),
                        Map.of(Caller.CROSSING_SHL, 200, Caller.CROSSING_TRB, 200, Caller.AUDITOR, 200, Caller.SENIOR_AUDITOR, 200)),
                new Endpoint("GET", "/declarations/{id}", null, f -> new Call(base + f.declaration(), null), READERS),
                new Endpoint("POST", "/declarations/{id}/amendments", json, f -> amendment(), Map.of(Caller.CROSSING_SHL, 201)),
                new Endpoint("GET", "/declarations/{id}/versions", null, f -> new Call(base + f.declaration() + "/versions", null),
                        READERS),
                new Endpoint("GET", "/declarations/{id}/versions/{version}", null,
                        f -> new Call(base + f.declaration() + "/versions/1", null), READERS),
                new Endpoint("POST", "/declarations/{id}/weighings", json,
                        f -> new Call(base + Samples.file(declaration("SHL")) + "/weighings", weighing()), Map.of(Caller.CROSSING_SHL, 201)),
                new Endpoint("GET", "/declarations/{id}/weighings/{weighingId}", null,
                        f -> new Call(base + f.declaration() + "/weighings/" + f.weighing(), null), READERS),
                new Endpoint("POST", "/declarations/{id}/inspections", json,
                        f -> new Call(base + Samples.file(declaration("SHL")) + "/inspections", inspection()), Map.of(Caller.CROSSING_SHL, 201)),
                new Endpoint("GET", "/declarations/{id}/inspections/{inspectionId}", null,
                        f -> new Call(base + f.declaration() + "/inspections/" + f.inspection(), null), READERS),
                new Endpoint("POST", "/declarations/{id}/release", json,
                        f -> new Call(base + Samples.file(declaration("SHL")) + "/release", Map.of("releasedAt", Samples.now())),
                        Map.of(Caller.CROSSING_SHL, 200)),
                // Only the exit crossing named on the transit (TRB) records its exit.
                new Endpoint("POST", "/declarations/{id}/transit-exit", json,
                        f -> new Call(base + releasedTransit() + "/transit-exit", Map.of("exitedAt", Samples.now())),
                        Map.of(Caller.CROSSING_TRB, 200)),
                // The upload is answered 200 for any crossing; another crossing's lines are refused one by one (AbuseTest).
                new Endpoint("POST", "/declarations/batch", "application/x-ndjson",
                        f -> new Call("/api/v1/declarations/batch", ndjson(declaration("SHL"))),
                        Map.of(Caller.CROSSING_SHL, 200, Caller.CROSSING_TRB, 200)),
                new Endpoint("POST", "/payments", json,
                        f -> new Call("/api/v1/payments", PaymentTest.receipt("SHL", f.declaration(), "500.000")),
                        Map.of(Caller.CROSSING_SHL, 201)),
                new Endpoint("GET", "/payments/{id}", null, f -> new Call("/api/v1/payments/" + f.payment(), null), READERS));
    }

    static Stream<Arguments> matrix() {
        return endpoints().flatMap(e -> Arrays.stream(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void eachCallerGetsWhatItsTokenAndRoleAllow(Endpoint endpoint, Caller caller) {
        int expected = endpoint.expected(caller);
        Call call = endpoint.call().apply(fixture());
        String before = Samples.footprint();
        Response response = request(caller, endpoint.contentType(), call.body()).request(endpoint.method(), call.path());
        SENT.incrementAndGet();

        assertThat(response.statusCode()).as("%s by %s: %s", endpoint, caller, response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
            assertThat(Samples.footprint()).as("a refused call leaves nothing").isEqualTo(before);
        } else {
            ALLOWED.incrementAndGet();
        }
    }

    @Test
    void aVerifiedTokenIsRememberedAndAForgedOneIsNot() {
        VerifiedTokens tokens = Arc.container().instance(VerifiedTokens.class).get();
        int before = tokens.remembered();
        given().auth().oauth2(Caller.FORGED_SIGNATURE.token()).get("/api/v1/declarations").then().statusCode(401);
        assertThat(tokens.remembered()).isEqualTo(before);
        String genuine = Tokens.shortLived("SHL", 60);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(genuine).get("/api/v1/declarations").then().statusCode(200);
        }
        assertThat(tokens.remembered()).isEqualTo(before + 1);
    }

    @Test
    void aGenuineTokenIsAcceptedUntilItExpiresAndRefusedAfter() {
        Caller.assertRefusedOnlyOnceExpired(token -> given().auth().oauth2(token).get("/api/v1/declarations").statusCode());
    }

    @AfterAll
    static void record() {
        long cases = endpoints().count() * Caller.values().length;
        if (SENT.get() == cases) {
            new ReliabilityRecord("security-matrix-declaration-service", "security", "declaration-service",
                    endpoints().count() + " endpoints x " + Caller.values().length + " callers (no token, expired, forged "
                            + "signature, other issuer, alg none, self-granted role, other realm, 2 crossings, auditor, "
                            + "senior auditor, tariff admin)",
                    SENT.get(), ALLOWED.get(), 0, 0,
                    "every answer as expected: 401 for the 7 untrusted callers, 403 by role or crossing, "
                            + "refused writes left no row and no outbox event").write();
        }
    }

    private static RequestSpecification request(Caller caller, String contentType, Object body) {
        RequestSpecification request = given().redirects().follow(false);
        String token = caller.token();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (body instanceof String text) {
            request.contentType(contentType).body(text.getBytes(StandardCharsets.UTF_8));
        } else if (body != null) {
            request.contentType(contentType).body(body);
        }
        return request;
    }

    private static Call amendment() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        body.put("reason", "weight corrected");
        Samples.firstItem(body).put("netWeightKg", "23000.000");
        return new Call("/api/v1/declarations/" + id + "/amendments", body);
    }

    private static String ndjson(Map<String, Object> declaration) {
        try {
            return JSON.writeValueAsString(declaration) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String releasedTransit() {
        String id = Samples.file(Samples.transit("SHL", "TRB"));
        as("SHL").body(Map.of("releasedAt", Samples.now())).post("/api/v1/declarations/" + id + "/release").then()
                .statusCode(200);
        return id;
    }
}
