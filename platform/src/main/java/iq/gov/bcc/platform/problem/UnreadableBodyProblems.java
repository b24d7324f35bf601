package iq.gov.bcc.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Jackson's messages name Java types and exceptions; an unreadable body is answered instead with the
 * field (as a JSON path) and what it should hold, nothing else. A body beyond Jackson's limits (a
 * number of more than 1000 digits, nesting deeper than 1000) is named the same way.
 */
@ApplicationScoped
@Startup
public class UnreadableBodyProblems implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        StreamConstraintsException beyondLimits = Causes.find(context.cause, StreamConstraintsException.class);
        if (beyondLimits != null) {
            // Jackson names the field when the limit is met inside a value it maps, else the parser knows where it stood.
            JsonMappingException mapping = Causes.find(context.cause, JsonMappingException.class);
            String field = mapping != null ? path(mapping)
                    : beyondLimits.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext()) : "";
            String message = "is beyond what this API reads (numbers of at most 1000 digits, nesting at most 1000 deep)";
            return HttpProblem.builder().withStatus(Response.Status.BAD_REQUEST).withTitle("Bad Request")
                    .withInstance(problem.getInstance()).withDetail((field.isEmpty() ? "the body" : field) + " " + message)
                    .with("violations", List.of(Map.of("field", field.isEmpty() ? "body" : field, "in", "body",
                            "message", message)))
                    .build();
        }
        // The REST layer wraps what Jackson threw in a WebApplicationException(400).
        JsonParseException notJson = Causes.find(context.cause, JsonParseException.class);
        if (notJson != null) {
            return HttpProblem.builder().withStatus(problem.getStatusCode()).withTitle(problem.getTitle())
                    .withInstance(problem.getInstance())
                    .withDetail("the body is not well-formed JSON (line " + notJson.getLocation().getLineNr() + ", column "
                            + notJson.getLocation().getColumnNr() + ")")
                    .build();
        }
        JsonMappingException unreadable = Causes.find(context.cause, JsonMappingException.class);
        if (unreadable != null) {
            String field = path(unreadable);
            String expected = expected(unreadable);
            String detail = (field.isEmpty() ? "the body" : field) + " cannot be read"
                    + (expected == null ? "" : "; expected " + expected);
            HttpProblem.Builder clean = HttpProblem.builder().withStatus(problem.getStatusCode())
                    .withTitle(problem.getTitle()).withInstance(problem.getInstance()).withDetail(detail);
            if (!field.isEmpty()) {
                clean.with("field", field);
                clean.with("violations", List.of(Map.of("field", field, "in", "body", "message", detail)));
            }
            return clean.build();
        }
        return problem;
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
