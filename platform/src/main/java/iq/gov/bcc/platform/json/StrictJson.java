package iq.gov.bcc.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;

/**
 * The API's times are ISO-8601 strings with an offset. Jackson would also take a bare number as epoch
 * seconds in UTC; a crossing that sends one has made a mistake, and storing a time it did not mean is
 * worse than answering 400 naming the field. Likewise a text with something after its JSON value:
 * Jackson would read the first value and ignore the rest, so two declarations run together on one line
 * of an offline batch would file the first and lose the second without a word.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** After Quarkus has registered the JavaTimeModule, whose deserializer this one replaces. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("bcc-strict-times").addDeserializer(OffsetDateTime.class, new TextOnly()));
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    static final class TextOnly extends StdScalarDeserializer<OffsetDateTime> {

        TextOnly() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(parser, context);
        }
    }
}
