package iq.gov.bcc.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the test JVM's Keycloak, as a crossing system (client credentials) or a
 * person (password grant through the local-only bcc-cli client) would obtain them. Cached per
 * caller; the realm's tokens live 15 minutes.
 */
public final class Tokens {

    public static final String LOCAL_PASSWORD = "local-dev-only";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A token of the crossing system with this code (e.g. SHL): client {@code crossing-shl}. */
    public static String crossing(String crossingCode) {
        String client = "crossing-" + crossingCode.toLowerCase();
        return CACHE.computeIfAbsent("client:" + client, k -> fetch(Map.of("grant_type", "client_credentials",
                "client_id", client, "client_secret", "local-dev-only-" + client)));
    }

    /**
     * A fresh token of a crossing system whose tokens live only {@code seconds}: client
     * {@code crossing-<code>-short-lived}, created on first use through Keycloak's admin API with the
     * crossing-system role and the crossing's code. For proving that an expired token is refused
     * because it expired, not because it is otherwise wrong.
     */
    public static String shortLived(String crossingCode, int seconds) {
        String client = KeycloakAdmin.shortLivedCrossingClient(crossingCode, seconds);
        return fetch(Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", KeycloakAdmin.secretOf(client)));
    }

    /**
     * A genuine token of this crossing's system that has expired: issued with a 2 s lifespan, handed out
     * once its {@code exp} is over a second past. Cached, so only the first call waits.
     */
    public static String expired(String crossingCode) {
        return CACHE.computeIfAbsent("expired:" + crossingCode, k -> {
            String token = shortLived(crossingCode, 2);
            long expiresAt = expiresAt(token).toEpochMilli();
            while (System.currentTimeMillis() < expiresAt + 1500) {
                ServerProcess.sleep(100);
            }
            return token;
        });
    }

    /** The token's {@code exp} claim. */
    public static Instant expiresAt(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return Instant.ofEpochSecond(Long.parseLong(payload.replaceAll("(?s).*\"exp\"\\s*:\\s*(\\d+).*", "$1")));
    }

    /** A token of a realm user: auditor, auditor2, senior, senior2, tariff-admin. */
    public static String user(String username) {
        return CACHE.computeIfAbsent("user:" + username, k -> fetch(Map.of("grant_type", "password",
                "client_id", "bcc-cli", "username", username, "password", LOCAL_PASSWORD)));
    }

    static String fetch(Map<String, String> form) {
        return fetch(TestInfrastructure.keycloak().tokenEndpoint(), form);
    }

    static String fetch(String tokenEndpoint, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(tokenEndpoint))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body());
            }
            return response.body().replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
