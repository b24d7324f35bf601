package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.tariff.domain.TariffException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Query parameters parsed here, so that a bad one is a problem naming it rather than a bare 404. */
final class Params {

    private Params() {
    }

    static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw TariffException.invalid(name, name + " must be an ISO-8601 date such as 2026-03-01");
        }
    }

    static OffsetDateTime instant(String name, String value) {
        try {
            return OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                throw TariffException.invalid(name, name + " must be an ISO-8601 instant with offset such as 2026-03-01T00:00:00Z");
            }
        }
    }

    static <E extends Enum<E>> E choice(String name, Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw TariffException.invalid(name, name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }
}
