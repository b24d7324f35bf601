package iq.gov.bcc.platform.problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses query and path parameters by hand so that a malformed one is a 400 naming it; JAX-RS
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
            return Enum.valueOf(type, value.strip());
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

    /**
     * A date-time with offset, or a date read as a day in {@code zone}: its start, or with
     * {@code endOfDay} the start of the next day, so that {@code to=2026-08-31} takes in all of the 31st.
     */
    public static OffsetDateTime dayOrTime(String name, String value, ZoneId zone, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toOffsetDateTime();
            }
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badParameter(name, "must be an ISO-8601 date (2026-08-01) or date-time with offset");
        }
    }

    /** A date, or null when absent. */
    public static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problems.badParameter(name, "must be an ISO-8601 date, e.g. 2026-08-01");
        }
    }

    public static LocalDate requiredDate(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Problems.badParameter(name, "is required (an ISO-8601 date, e.g. 2026-08-01)");
        }
        return date(name, value);
    }

    /** An amount to compare with stored ones: not negative, and at most 18 digits before the point. */
    public static BigDecimal amount(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw Problems.badParameter(name, "must be a decimal number");
        }
        if (amount.signum() < 0) {
            throw Problems.badParameter(name, "must not be negative");
        }
        // Beyond numeric(21,3), the amounts' columns, PostgreSQL would refuse the comparison.
        if (amount.precision() - amount.scale() > 18) {
            throw Problems.badParameter(name, "must be at most 18 digits before the decimal point");
        }
        return amount;
    }

    /** A UUID in the path, e.g. a resource's id. */
    public static UUID pathId(String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problems.badPathParameter(name, "must be a UUID");
        }
    }
}
