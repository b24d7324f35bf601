package iq.gov.bcc.tariff.service;

import io.quarkus.panache.common.Sort;
import iq.gov.bcc.platform.validation.IsoCurrency;
import iq.gov.bcc.tariff.domain.ExchangeRate;
import iq.gov.bcc.tariff.domain.TariffException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Exchange rates to IQD. The rate used for a day is the current one with the latest validFrom on or
 * before that day (and, if it has a validTo, before it). Publishing a rate for a currency and validFrom
 * that already has one corrects it: the old row is kept, closed in system time.
 */
@ApplicationScoped
@Transactional
public class ExchangeRateService {

    private final TariffEvents events;
    private final CurrentTariff currentTariff;

    ExchangeRateService(TariffEvents events, CurrentTariff currentTariff) {
        this.events = events;
        this.currentTariff = currentTariff;
    }

    public ExchangeRate publish(String currency, BigDecimal rateToIqd, LocalDate validFrom, LocalDate validTo,
            String source, String user) {
        if (!IsoCurrency.Validator.inCirculation(currency)) {
            throw TariffException.invalid("currency", currency + " is not the ISO 4217 code of a currency in circulation");
        }
        if ("IQD".equals(currency)) {
            throw TariffException.invalid("currency", "IQD is the assessment currency; its rate is 1");
        }
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw TariffException.invalid("validTo", "validTo must be after validFrom (it is exclusive)");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ExchangeRate.<ExchangeRate>find("currency = ?1 and validFrom = ?2 and supersededAt is null", currency, validFrom)
                .firstResultOptional().ifPresent(previous -> {
                    previous.supersededAt = now;
                    previous.flush();
                });
        ExchangeRate rate = new ExchangeRate();
        rate.id = UUID.randomUUID();
        rate.currency = currency;
        rate.rateToIqd = rateToIqd;
        rate.validFrom = validFrom;
        rate.validTo = validTo;
        rate.source = source;
        rate.recordedBy = user;
        rate.recordedAt = now;
        rate.persist();
        currentTariff.changedInThisTransaction();
        events.ratePublished(rate);
        return rate;
    }

    public Optional<ExchangeRate> inForce(String currency, LocalDate day) {
        return ExchangeRate.<ExchangeRate>find("currency = ?1 and supersededAt is null and validFrom <= ?2 "
                + "and (validTo is null or validTo > ?2)", Sort.descending("validFrom"), currency, day)
                .firstResultOptional();
    }

    public List<ExchangeRate> list(String currency, LocalDate at) {
        if (currency != null && at != null) {
            return inForce(currency, at).stream().toList();
        }
        if (at != null) {
            return ExchangeRate.<ExchangeRate>list("supersededAt is null and validFrom <= ?1 "
                    + "and (validTo is null or validTo > ?1)", Sort.by("currency").and("validFrom", Sort.Direction.Descending), at)
                    .stream().collect(java.util.stream.Collectors.toMap(r -> r.currency, r -> r, (a, b) -> a,
                            java.util.LinkedHashMap::new)).values().stream().toList();
        }
        if (currency != null) {
            return ExchangeRate.list("currency", Sort.by("validFrom").and("recordedAt"), currency);
        }
        return ExchangeRate.list("supersededAt is null", Sort.by("currency").and("validFrom"));
    }
}
