package iq.gov.bcc.declaration.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of what a client sent, so that a retry can be told from a different request under the
 * same key. Decimals are compared by value (24000 and 24000.000 are the same weight).
 */
@ApplicationScoped
public class Fingerprint {

    private final ObjectMapper canonical;

    Fingerprint(ObjectMapper json) {
        this.canonical = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(false));
    }

    public String of(Object value) {
        try {
            byte[] bytes = canonical.writeValueAsBytes(canonical.valueToTree(value));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot fingerprint " + value.getClass().getSimpleName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
