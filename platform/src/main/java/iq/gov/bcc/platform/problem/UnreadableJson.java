package iq.gov.bcc.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What is wrong with a JSON text Jackson could not read, in the API's words: the field at fault (a
 * JSON path like items[0].quantity, empty when it is the text as a whole) and what it should hold.
 * Jackson's own messages name Java types; a request body and a line of an offline batch are both
 * answered from this instead.
 *
 * @param field the JSON path of the field at fault, or empty for the text as a whole
 * @param problem what is wrong, to follow the field's name (or "the body", "line 3")
 */
public record UnreadableJson(String field, String problem) {

    static final String BEYOND_LIMITS = "is beyond what this API reads (numbers of at most 1000 digits, nesting at most 1000 deep)";
    static final String MORE_THAN_ONE_VALUE = "holds more than one JSON value; send exactly one (in a batch, one per line)";

    /** What the failure says, or null when it is not about reading JSON. */
    public static UnreadableJson of(Throwable failure) {
        StreamConstraintsException beyondLimits = Causes.find(failure, StreamConstraintsException.class);
        if (beyondLimits != null) {
            // Jackson names the field when the limit is met inside a value it maps, else the parser knows where it stood.
            JsonMappingException mapping = Causes.find(failure, JsonMappingException.class);
            String field = mapping != null ? path(mapping)
                    : beyondLimits.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "";
            return new UnreadableJson(field, BEYOND_LIMITS);
        }
        JsonParseException notJson = Causes.find(failure, JsonParseException.class);
        if (notJson != null) {
            return new UnreadableJson("", "is not well-formed JSON (line " + notJson.getLocation().getLineNr() + ", column "
                    + notJson.getLocation().getColumnNr() + ")");
        }
        JsonMappingException unreadable = Causes.find(failure, JsonMappingException.class);
        if (unreadable == null) {
            return null;
        }
        if (unreadable instanceof MismatchedInputException && String.valueOf(unreadable.getOriginalMessage())
                .contains("FAIL_ON_TRAILING_TOKENS")) {
            // Two declarations run together ({...}{...}) would otherwise file the first and drop the second unseen.
            return new UnreadableJson("", MORE_THAN_ONE_VALUE);
        }
        if (unreadable instanceof UnrecognizedPropertyException unknown) {
            // A misspelt optional field (exemptionLicense) would otherwise be dropped without a word.
            return new UnreadableJson(path(unknown), "is not a field of this request" + (unknown.getKnownPropertyIds() == null ? ""
                    : "; the fields here are " + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "))));
        }
        String expected = expected(unreadable);
        return new UnreadableJson(path(unreadable), "cannot be read" + (expected == null ? "" : "; expected " + expected));
    }

    /** The sentence for a detail: the field, or {@code whole} when the text as a whole is at fault, then the problem. */
    public String detail(String whole) {
        return (field.isEmpty() ? whole : field) + " " + problem;
    }

    public boolean namesAField() {
        return !field.isEmpty();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return shortened(path.toString());
    }

    /** Where the parser stood, as a JSON path like items[0].quantity. */
    private static String path(JsonStreamContext context) {
        String path = "";
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path = "[" + Math.max(0, c.getCurrentIndex()) + "]" + path;
            } else if (c.getCurrentName() != null) {
                path = "." + c.getCurrentName() + path;
            }
        }
        return shortened(path.startsWith(".") ? path.substring(1) : path);
    }

    /** Nesting a thousand deep would make the path itself a flood. */
    private static String shortened(String path) {
        return path.length() > 120 ? path.substring(0, 120) + "..." : path;
    }

    private static String expected(JsonMappingException e) {
        if (!(e instanceof MismatchedInputException mismatch) || mismatch.getTargetType() == null) {
            return null;
        }
        Class<?> type = mismatch.getTargetType();
        if (type == OffsetDateTime.class) {
            return "an ISO-8601 date-time with offset, e.g. 2026-11-21T06:30:00Z";
        }
        if (type == LocalDate.class) {
            return "an ISO-8601 date, e.g. 2026-03-01";
        }
        if (type == BigDecimal.class || Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }
}
