package iq.gov.bcc.localstack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

/**
 * Bearer tokens a service must refuse with 401, made from a genuine token of the test Keycloak so
 * that exactly one thing is wrong with each: the signing key, the issuer, the signature algorithm,
 * the payload, or the realm.
 */
public final class UntrustedTokens {

    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();
    private static final KeyPair MADE_UP_KEY = rsaKey();

    private UntrustedTokens() {
    }

    /** The genuine claims, signed with a key Keycloak never had (as a forger would). */
    public static String selfSigned(String genuine) {
        return sign(payload(genuine));
    }

    /** The genuine claims with another issuer, signed by that issuer's (made-up) key. */
    public static String otherIssuer(String genuine) {
        return sign(payload(genuine).replaceFirst("\"iss\"\\s*:\\s*\"[^\"]*\"",
                "\"iss\":\"https://idp.example.invalid/realms/" + KeycloakServer.REALM + "\""));
    }

    /** The genuine claims with {@code "alg": "none"} and no signature. */
    public static String unsigned(String genuine) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + encode(payload(genuine)) + ".";
    }

    /** The genuine header and signature around a payload that grants itself {@code role} as well. */
    public static String withAddedRole(String genuine, String role) {
        String[] parts = genuine.split("\\.");
        String payload = payload(genuine).replaceFirst("\"realm_access\"\\s*:\\s*\\{\\s*\"roles\"\\s*:\\s*\\[",
                "\"realm_access\":{\"roles\":[\"" + role + "\",");
        if (payload.equals(payload(genuine))) {
            throw new IllegalArgumentException("the token carries no realm_access.roles to extend");
        }
        return parts[0] + "." + encode(payload) + "." + parts[2];
    }

    /** A real token of this Keycloak's master realm (its administrator's): right server, wrong realm. */
    public static String otherRealm() {
        return KeycloakAdmin.masterAdminToken();
    }

    private static String payload(String token) {
        return new String(DECODE.decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String sign(String payload) {
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"made-up-key\"}") + "." + encode(payload);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(MADE_UP_KEY.getPrivate());
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + ENCODE.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String json) {
        return ENCODE.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair rsaKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
