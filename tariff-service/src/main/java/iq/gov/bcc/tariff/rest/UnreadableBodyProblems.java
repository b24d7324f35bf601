package iq.gov.bcc.tariff.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
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
 * field (as a JSON path) and what it should hold, nothing else.
 */
@ApplicationScoped
@Startup
public class UnreadableBodyProblems implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (context.cause instanceof JsonParseException e) {
            return HttpProblem.builder().withStatus(problem.getStatusCode()).withTitle(problem.getTitle())
                    .withInstance(problem.getInstance())
                    .withDetail("the body is not well-formed JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")")
                    .build();
        }
        if (context.cause instanceof JsonMappingException e) {
            String field = path(e);
            String expected = expected(e);
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
        return path.toString();
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
