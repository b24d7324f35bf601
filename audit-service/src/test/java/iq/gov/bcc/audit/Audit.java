package iq.gov.bcc.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import iq.gov.bcc.localstack.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The audit API as an auditor uses it, with waits for what the consumers do asynchronously. */
final class Audit {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Audit() {
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.user(user)).redirects().follow(false);
    }

    static Optional<JsonPath> correlation(UUID declarationId) {
        Response response = as("auditor").get("/api/v1/declarations/{id}/correlation", declarationId);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("correlation answered " + response.statusCode() + ": " + response.asString());
        }
        return Optional.of(response.jsonPath());
    }

    /** The case of this type on the declaration, if any. */
    static Optional<Map<String, Object>> discrepancy(UUID declarationId, String type) {
        return correlation(declarationId).flatMap(c -> c.<Map<String, Object>>getList("discrepancies").stream()
                .filter(d -> type.equals(d.get("type"))).findFirst());
    }

    static List<Map<String, Object>> discrepancies(UUID declarationId, String type) {
        return correlation(declarationId).map(c -> c.<Map<String, Object>>getList("discrepancies").stream()
                .filter(d -> type.equals(d.get("type"))).toList()).orElse(List.of());
    }

    /** Waits until the case of this type on the declaration has this status, and returns it. */
    static Map<String, Object> awaitStatus(UUID declarationId, String type, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> discrepancy(declarationId, type).map(d -> status.equals(d.get("status"))).orElse(false));
        return discrepancy(declarationId, type).orElseThrow();
    }

    /** Waits until the correlation store shows this many facts for the declaration. */
    static JsonPath awaitFacts(UUID declarationId, int facts) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> correlation(declarationId).map(c -> c.getList("timeline").size() >= facts).orElse(false));
        return correlation(declarationId).orElseThrow();
    }
}
