package iq.gov.bcc.declaration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.ReliabilityRecord;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The endpoints open to anyone (health, metrics, OpenAPI, event schemas) say nothing about passwords,
 * addresses with credentials or the environment, and the development endpoints are not served. Dev UI
 * and ArC exist only in dev mode; Swagger UI and the health UI are served in test mode, so for them the
 * configuration that keeps them out of production is checked instead.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class ExposureTest {

    static final List<String> PUBLIC = List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/health/well",
            "/q/health/started", "/q/metrics", "/q/openapi", "/q/openapi?format=json", "/asyncapi.yaml",
            "/schemas/events/iq.bcc.declaration.filed.v1.json");
    static final List<String> DEVELOPMENT_ONLY = List.of("/q/dev-ui", "/q/dev-ui/extensions", "/q/dev", "/q/arc",
            "/q/arc/beans", "/q/arc/observers", "/q/graphql-ui",
            "/q/info", "/q/env", "/q/config", "/q/logging-manager", "/q/q", "/q/../etc/passwd");
    /** What must never be shown to an anonymous caller. */
    static final List<String> SENSITIVE = List.of("local-dev-only", "password", "PASSWORD", "secret", "jdbc:postgresql",
            "BCC_DB", "JAVA_HOME", "PATH=", "user.home", "java.class.path", "-----BEGIN", "Exception", "at java.");

    @Test
    void publicEndpointsExposeNothingSensitive() {
        for (String path : PUBLIC) {
            String body = given().get(path).then().statusCode(200).extract().asString();
            for (String secret : SENSITIVE) {
                assertThat(body).as("%s shows %s", path, secret).doesNotContain(secret);
            }
        }
    }

    @Test
    void developmentEndpointsAreNotServedInProduction() {
        for (String ui : List.of("quarkus.swagger-ui.always-include", "quarkus.smallrye-health.ui.always-include")) {
            assertThat(ConfigProvider.getConfig().getOptionalValue(ui, Boolean.class)).as("%s: the UI stays out of "
                    + "the production build", ui).isNotEqualTo(java.util.Optional.of(true));
        }
        for (String path : DEVELOPMENT_ONLY) {
            int status = given().urlEncodingEnabled(false).get(path).statusCode();
            assertThat(status).as(path).isIn(401, 404);
        }
        // The API itself still requires a token, and an error says nothing about the stack.
        String refused = given().get("/api/v1/declarations").then().statusCode(401).extract().asString();
        assertThat(refused).doesNotContain("Exception", "at java.", "quarkus");
        new ReliabilityRecord("exposure-prod-endpoints", "exposure", "declaration-service",
                "anonymous GETs: " + PUBLIC.size() + " public endpoints scanned for passwords, "
                        + "JDBC URLs, environment and stack traces; " + DEVELOPMENT_ONLY.size() + " development endpoints",
                PUBLIC.size() + DEVELOPMENT_ONLY.size() + 1, PUBLIC.size(), 0, 0,
                "public endpoints show nothing sensitive; Dev UI, ArC, env/config dumps answer 404 (Swagger and health "
                        + "UIs not included in production builds); "
                        + "the API answers 401 without a stack").write();
    }
}
