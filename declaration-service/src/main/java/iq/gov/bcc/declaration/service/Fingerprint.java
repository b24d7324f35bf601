package iq.gov.bcc.declaration.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import iq.gov.bcc.declaration.domain.Money;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of what a client sent, so that a retry can be told from a different request under the
 * same key. Decimals are compared by value: 24000 and 24000.000 are the same weight, and "13200" and
 * "13200.00" the same amount (a crossing that re-uploads from its own database may write either).
 */
@ApplicationScoped
public class Fingerprint {

    private final ObjectMapper canonical;
    private final ObjectMapper amountsAsWritten;

    Fingerprint(ObjectMapper json) {
        this.amountsAsWritten = json.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(false));
        this.canonical = amountsAsWritten.copy()
                .registerModule(new SimpleModule("bcc-amounts-by-value").addSerializer(Money.class, new AmountByValue()));
    }

    public String of(Object value) {
        return print(canonical, value);
    }

    /**
     * The print as it was made until 2026-12-03, when amounts were still compared as written. A record
     * made then keeps that print; its retry must still be recognised as one after the upgrade.
     */
    public String asPrintedBefore(Object value) {
        return print(amountsAsWritten, value);
    }

    private static String print(ObjectMapper mapper, Object value) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(mapper.valueToTree(value));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot fingerprint " + value.getClass().getSimpleName(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The amount as a number, which the node factory above normalises like every other decimal. */
    private static final class AmountByValue extends StdSerializer<Money> {

        AmountByValue() {
            super(Money.class);
        }

        @Override
        public void serialize(Money money, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            out.writeNumberField("amount", money.amount());
            out.writeStringField("currency", money.currency());
            out.writeEndObject();
        }
    }
}
