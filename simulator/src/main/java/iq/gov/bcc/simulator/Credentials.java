package iq.gov.bcc.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Access tokens from Keycloak, each crossing with its own confidential client (client credentials,
 * as a crossing system obtains them) and people through the password grant of the command-line
 * client. Renewed a minute before they expire. A crossing's secret is
 * {@code BCC_SIM_CROSSING_SECRET_<CODE>} if set, else the local realm's development secret.
 */
public final class Credentials {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI tokenEndpoint;
    private final Options options;
    private final Map<String, String> environment;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    public Credentials(Options options, Map<String, String> environment) {
        this.options = options;
        this.environment = environment;
        this.tokenEndpoint = URI.create(options.keycloak() + "/realms/" + options.realm() + "/protocol/openid-connect/token");
    }

    /** The bearer token of a crossing system, e.g. SHL: client {@code crossing-shl}. */
    public String crossing(String code) {
        String client = "crossing-" + code.toLowerCase();
        String secret = environment.getOrDefault("BCC_SIM_CROSSING_SECRET_" + code.toUpperCase(),
                options.crossingSecretPrefix() + client);
        return token("client:" + client, Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", secret));
    }

    /** The bearer token of a person: auditor, senior, tariff-admin... */
    public String person(String username) {
        return token("user:" + username, Map.of("grant_type", "password", "client_id", "bcc-cli",
                "username", username, "password", options.userPassword()));
    }

    private String token(String key, Map<String, String> form) {
        Token token = tokens.get(key);
        if (token == null || Instant.now().isAfter(token.renewAt())) {
            token = fetch(form);
            tokens.put(key, token);
        }
        return token.value();
    }

    private Token fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("client_id", "?")
                        + "/" + form.getOrDefault("username", "-") + " (" + response.statusCode() + "): " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            long lifetime = json.path("expires_in").asLong(300);
            return new Token(json.path("access_token").asText(), Instant.now().plusSeconds(Math.max(10, lifetime - 60)));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak unreachable at " + tokenEndpoint, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Token(String value, Instant renewAt) {
    }
}
