package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.tariff.domain.ExchangeRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An exchange rate to IQD")
public record ExchangeRateView(
        UUID id,
        @Schema(example = "USD") String currency,
        @Schema(example = "1310.000000") BigDecimal rateToIqd,
        @Schema(example = "2026-01-01") LocalDate validFrom,
        LocalDate validTo,
        @Schema(example = "Central Bank of Iraq bulletin 2026/01") String source,
        @Schema(description = "True for the shipped SAMPLE rates") boolean sample,
        OffsetDateTime recordedAt,
        @Schema(description = "Set when a correction for the same currency and validFrom replaced this rate") OffsetDateTime supersededAt) {

    static ExchangeRateView of(ExchangeRate r) {
        return new ExchangeRateView(r.id, r.currency, r.rateToIqd, r.validFrom, r.validTo, r.source, r.sample,
                r.recordedAt, r.supersededAt);
    }
}
