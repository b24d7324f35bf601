package iq.gov.bcc.audit;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iq.gov.bcc.localstack.KeycloakServer;
import iq.gov.bcc.localstack.TestInfrastructure;
import java.net.URL;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The realm lets bcc-console send people back to port 8083 only; tests serve the console on a free port. This adds
 * that port's origin to the client's redirect and post-logout URIs through the Keycloak admin API, as an
 * administrator would for a new host, leaving the realm file as production expects it.
 */
final class ConsoleClientRedirects {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ALLOWED = new LinkedHashSet<>();

    private ConsoleClientRedirects() {
    }

    static synchronized void allow(URL console) throws Exception {
        String origin = console.getProtocol() + "://" + console.getHost() + ":" + console.getPort();
        if (!ALLOWED.add(origin)) {
            return;
        }
        KeycloakServer keycloak = TestInfrastructure.keycloak();
        String admin = adminToken(keycloak);
        String clients = keycloak.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        JsonNode found = JSON.readTree(given().auth().oauth2(admin).queryParam("clientId", "bcc-console")
                .get(clients).then().statusCode(200).extract().asString());
        ObjectNode client = (ObjectNode) found.get(0);
        client.withArrayProperty("redirectUris").add(origin + "/*");
        ObjectNode attributes = client.withObjectProperty("attributes");
        attributes.put("post.logout.redirect.uris", attributes.path("post.logout.redirect.uris").asText() + "##" + origin + "/*");
        given().auth().oauth2(admin).contentType("application/json").body(JSON.writeValueAsString(client))
                .put(clients + "/" + client.get("id").asText()).then().statusCode(204);
    }

    private static String adminToken(KeycloakServer keycloak) {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", env("BCC_KEYCLOAK_ADMIN", "admin"))
                .formParam("password", env("BCC_KEYCLOAK_ADMIN_PASSWORD", "local-dev-only-admin"))
                .post(keycloak.baseUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
