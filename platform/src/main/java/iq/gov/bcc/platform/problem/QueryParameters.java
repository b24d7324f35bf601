package iq.gov.bcc.platform.problem;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses query parameters by hand so that a malformed filter is a 400 naming the parameter; JAX-RS
 * would answer a failed conversion with a bare 404.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw Problems.badParameter(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /** A page size: {@code fallback} when absent, else a whole number from 1 to {@code max}. */
    public static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as a limit out of range is
        }
        throw Problems.badParameter("limit", "must be a whole number from 1 to " + max);
    }

    public static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badParameter(name, "must be an ISO-8601 date-time with offset, e.g. 2026-11-01T00:00:00+03:00");
        }
    }
}
