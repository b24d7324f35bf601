package iq.gov.bcc.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few admin API calls tests need on the test JVM's Keycloak: clients whose tokens expire within
 * seconds, which the realm file must not define (a production realm has no such client).
 */
final class KeycloakAdmin {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private KeycloakAdmin() {
    }

    /** A token of the master realm's administrator: a real Keycloak token from another issuer than realm bcc. */
    static String masterAdminToken() {
        return Tokens.fetch(TestInfrastructure.keycloak().masterTokenEndpoint(), Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", KeycloakServer.adminUser(),
                "password", KeycloakServer.adminPassword()));
    }

    static String secretOf(String client) {
        return "local-dev-only-" + client;
    }

    /** Creates (once per JVM) a crossing-system client of realm bcc for this crossing with this token lifespan. */
    static synchronized String shortLivedCrossingClient(String crossingCode, int seconds) {
        String client = "crossing-" + crossingCode.toLowerCase() + "-lives-" + seconds + "s";
        if (CREATED.contains(client)) {
            return client;
        }
        String admin = masterAdminToken();
        String realm = TestInfrastructure.keycloak().baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
        send(admin, "POST", realm + "/clients", """
                {"clientId": "%s", "enabled": true, "publicClient": false, "clientAuthenticatorType": "client-secret",
                 "secret": "%s", "serviceAccountsEnabled": true, "standardFlowEnabled": false,
                 "directAccessGrantsEnabled": false, "protocol": "openid-connect",
                 "attributes": {"access.token.lifespan": "%d"},
                 "protocolMappers": [{"name": "crossing_code", "protocol": "openid-connect",
                   "protocolMapper": "oidc-hardcoded-claim-mapper",
                   "config": {"claim.name": "crossing_code", "claim.value": "%s", "jsonType.label": "String",
                              "access.token.claim": "true", "id.token.claim": "false", "userinfo.token.claim": "false"}}]}
                """.formatted(client, secretOf(client), seconds, crossingCode), 201);
        String clientId = id(send(admin, "GET", realm + "/clients?clientId=" + client, null, 200));
        String serviceAccount = id(send(admin, "GET", realm + "/clients/" + clientId + "/service-account-user", null, 200));
        String role = send(admin, "GET", realm + "/roles/crossing-system", null, 200);
        send(admin, "POST", realm + "/users/" + serviceAccount + "/role-mappings/realm", "[" + role + "]", 204);
        CREATED.add(client);
        return client;
    }

    private static String id(String json) {
        Matcher id = ID.matcher(json);
        if (!id.find()) {
            throw new IllegalStateException("no id in Keycloak's answer: " + json);
        }
        return id.group(1);
    }

    private static String send(String token, String method, String url, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak admin " + method + " " + url + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
