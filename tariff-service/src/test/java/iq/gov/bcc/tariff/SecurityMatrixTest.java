package iq.gov.bcc.tariff;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import iq.gov.bcc.localstack.Caller;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import iq.gov.bcc.localstack.TestInfrastructure;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint of the tariff API by nobody, by six kinds of untrustworthy token and by each role:
 * 401 unless the token is genuine and current; reads and assessments for any authenticated caller;
 * writes for tariff administrators only, and a refused write changes nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_tariff"))
class SecurityMatrixTest {

    private static final AtomicLong SENT = new AtomicLong();
    private static final AtomicLong ALLOWED = new AtomicLong();
    /** Distinct days far in the future, so that the measures and rates the matrix creates never overlap anything. */
    private static final AtomicInteger DAY = new AtomicInteger();

    record Call(String path, String contentType, String body) {
    }

    /** One operation, and what an allowed caller gets (200, or 201 for a creation). */
    record Endpoint(String method, String name, Supplier<Call> call, boolean adminOnly, int ok) {

        Endpoint(String method, String name, Supplier<Call> call, boolean adminOnly) {
            this(method, name, call, adminOnly, CREATIONS.contains(method + " " + name) ? 201 : 200);
        }

        int expected(Caller caller) {
            if (!caller.authentic()) {
                return 401;
            }
            return adminOnly && !caller.is("tariff-admin") ? 403 : ok;
        }

        @Override
        public String toString() {
            return method + " " + name;
        }
    }

    private static final java.util.Set<String> CREATIONS = java.util.Set.of("POST /commodities", "POST /measures",
            "POST /exchange-rates", "POST /exemptions/licences");

    private static String day() {
        return LocalDate.of(2090, 1, 1).plusDays(DAY.incrementAndGet()).toString();
    }

    private static String measure() {
        String from = day();
        return Api.measure("0901", "COUNTRY", "NZ", "[]", "\"dutyType\":\"AD_VALOREM\",\"adValoremPercent\":5", from,
                LocalDate.parse(from).plusDays(1).toString());
    }

    private static String licence() {
        String number = ExemptionTest.unique("SEC");
        Api.admin().body(ExemptionTest.licence(number, "OTHER", null, null, "2026-01-01", null))
                .post("/api/v1/exemptions/licences").then().statusCode(201);
        return number;
    }

    private static final Map<String, String> FIXTURE = new java.util.concurrent.ConcurrentHashMap<>();

    private static String fixture(String name) {
        return FIXTURE.computeIfAbsent(name, n -> switch (n) {
            case "measure" -> Api.createMeasure(measure());
            case "licence" -> licence();
            default -> {
                String declaration = Api.declaration("2026-05-01T08:00:00Z", "TR", "850110", "1000", "IQD", "1", "1", null);
                Api.assess(declaration);
                yield declaration.replaceAll("(?s).*\"declarationId\":\"([^\"]+)\".*", "$1");
            }
        });
    }

    static Stream<Endpoint> endpoints() {
        String json = "application/json";
        return Stream.of(
                new Endpoint("GET", "/commodities/{hsCode}", () -> new Call("/api/v1/commodities/7214", null, null), false),
                new Endpoint("GET", "/commodities?query=", () -> new Call("/api/v1/commodities?query=steel", null, null), false),
                new Endpoint("POST", "/commodities", () -> new Call("/api/v1/commodities", json,
                        "{\"code\":\"7214209" + DAY.incrementAndGet() % 10 + "\",\"description\":\"حديد تسليح\"}"), true),
                new Endpoint("GET", "/measures", () -> new Call("/api/v1/measures?hsCode=090111&originCountry=NZ", null, null), false),
                new Endpoint("GET", "/measures/{id}", () -> new Call("/api/v1/measures/" + fixture("measure"), null, null), false),
                new Endpoint("GET", "/measures/{id}/versions", () -> new Call("/api/v1/measures/" + fixture("measure") + "/versions", null, null), false),
                new Endpoint("POST", "/measures", () -> new Call("/api/v1/measures", json, measure()), true),
                new Endpoint("PUT", "/measures/{id}", () -> new Call("/api/v1/measures/" + Api.createMeasure(measure()), json,
                        measure().replace("\"legalBasis\"", "\"changeReason\":\"corrected\",\"legalBasis\"")), true),
                new Endpoint("POST", "/measures/import", () -> new Call("/api/v1/measures/import", "text/csv",
                        "hsPrefix,originScope,originCode,excludedCountries,dutyType,adValoremPercent,specificAmountIqd,"
                                + "specificUnit,minimumIqd,maximumIqd,validFrom,validTo,legalBasis\n"
                                + "0902,COUNTRY,NZ,,AD_VALOREM,5,,,,," + day() + "," + day() + ",Matrix\n"), true),
                new Endpoint("GET", "/exchange-rates", () -> new Call("/api/v1/exchange-rates?currency=USD", null, null), false),
                new Endpoint("POST", "/exchange-rates", () -> new Call("/api/v1/exchange-rates", json,
                        "{\"currency\":\"NZD\",\"rateToIqd\":800,\"validFrom\":\"" + day() + "\",\"source\":\"matrix\"}"), true),
                new Endpoint("GET", "/exemptions/licences", () -> new Call("/api/v1/exemptions/licences", null, null), false),
                new Endpoint("GET", "/exemptions/licences/{number}", () -> new Call("/api/v1/exemptions/licences/" + fixture("licence"), null, null), false),
                new Endpoint("POST", "/exemptions/licences", () -> new Call("/api/v1/exemptions/licences", json,
                        ExemptionTest.licence(ExemptionTest.unique("SEC"), "OTHER", null, null, "2026-01-01", null)), true),
                new Endpoint("POST", "/exemptions/licences/{number}/revocation", () -> new Call("/api/v1/exemptions/licences/"
                        + licence() + "/revocation", json, "{\"effectiveFrom\":\"2026-03-01\",\"reason\":\"x\",\"legalBasis\":\"y\"}"), true),
                new Endpoint("POST", "/exemptions/revocations", () -> new Call("/api/v1/exemptions/revocations", json,
                        "{\"licenceLegalBasis\":\"" + UUID.randomUUID() + "\",\"effectiveFrom\":\"2026-03-01\",\"reason\":\"x\",\"legalBasis\":\"y\"}"), true),
                new Endpoint("POST", "/assessments", () -> new Call("/api/v1/assessments", json,
                        Api.declaration("2026-05-01T08:00:00Z", "TR", "850110", "1000", "IQD", "1", "1", null)), false),
                new Endpoint("GET", "/assessments?declarationId=", () -> new Call("/api/v1/assessments?declarationId="
                        + fixture("assessment"), null, null), false));
    }

    static Stream<Arguments> matrix() {
        return endpoints().flatMap(e -> Arrays.stream(Caller.values()).map(c -> Arguments.of(e, c)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("matrix")
    void eachCallerGetsWhatItsTokenAndRoleAllow(Endpoint endpoint, Caller caller) {
        int expected = endpoint.expected(caller);
        Call call = endpoint.call().get();
        String before = footprint();
        RequestSpecification request = given();
        String token = caller.token();
        if (token != null) {
            request.auth().oauth2(token);
        }
        if (call.body() != null) {
            request.contentType(call.contentType()).body(call.body().getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(endpoint.method(), call.path());
        SENT.incrementAndGet();

        assertThat(response.statusCode()).as("%s by %s: %s", endpoint, caller, response.asString()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
            assertThat(footprint()).as("a refused call changes nothing").isEqualTo(before);
        } else {
            ALLOWED.incrementAndGet();
        }
    }

    @Test
    void aGenuineTokenIsAcceptedUntilItExpiresAndRefusedAfter() {
        Caller.assertRefusedOnlyOnceExpired(token -> given().auth().oauth2(token).get("/api/v1/exchange-rates").statusCode());
    }

    @AfterAll
    static void record() {
        long endpoints = endpoints().count();
        if (SENT.get() == endpoints * Caller.values().length) {
            new ReliabilityRecord("security-matrix-tariff-service", "security", "tariff-service",
                    endpoints + " endpoints x " + Caller.values().length + " callers (the same 7 untrusted and 5 genuine)",
                    SENT.get(), ALLOWED.get(), 0, 0, "every answer as expected: 401 untrusted, 403 for writes by "
                            + "anyone but a tariff admin, refused writes changed no table and wrote no outbox event").write();
        }
    }

    /** Rows of every table a tariff write touches, and the outbox's identity sequence. */
    private static String footprint() {
        return TestInfrastructure.postgres().psql("bcc_tariff", "SELECT concat_ws('/', "
                + "(SELECT count(*) FROM measure), (SELECT count(*) FROM exchange_rate), "
                + "(SELECT count(*) FROM exemption_licence), (SELECT count(*) FROM exemption_licence WHERE status <> 'ACTIVE'), "
                + "(SELECT count(*) FROM commodity), (SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM outbox_event_id_seq))");
    }
}
