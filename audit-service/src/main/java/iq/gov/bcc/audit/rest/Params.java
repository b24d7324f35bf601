package iq.gov.bcc.audit.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/** Query and path parameters parsed with answers that name the parameter. */
final class Params {

    private Params() {
    }

    static <E extends Enum<E>> E enumeration(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw Problems.badRequest(field, "query", "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A date (the start of that day in {@code zone}, or of the next day when {@code endOfDay}) or a date-time with offset. */
    static OffsetDateTime instant(String field, String value, ZoneId zone, boolean endOfDay) {
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
            throw Problems.badRequest(field, "query", "must be an ISO-8601 date (2026-08-01) or date-time with offset");
        }
    }

    static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            if (fallback == null) {
                throw Problems.badRequest(field, "query", "is required (ISO-8601 date, e.g. 2026-08-01)");
            }
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problems.badRequest(field, "query", "must be an ISO-8601 date, e.g. 2026-08-01");
        }
    }

    static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal decimal = new BigDecimal(value);
            if (decimal.signum() < 0) {
                throw Problems.badRequest(field, "query", "must not be negative");
            }
            // Beyond the amounts' numeric(21,3) columns PostgreSQL would refuse the comparison.
            if (decimal.precision() - decimal.scale() > 18) {
                throw Problems.badRequest(field, "query", "must be at most 18 digits before the decimal point");
            }
            return decimal;
        } catch (NumberFormatException e) {
            throw Problems.badRequest(field, "query", "must be a decimal number");
        }
    }

    static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value);
            if (limit < 1 || limit > max) {
                throw Problems.badRequest("limit", "query", "must be between 1 and " + max);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw Problems.badRequest("limit", "query", "must be an integer between 1 and " + max);
        }
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Problems.badRequest(field, "path", "must be a UUID");
        }
    }
}
