package iq.gov.bcc.tariff.service;

import static iq.gov.bcc.platform.event.EventCatalog.TARIFFS;
import static iq.gov.bcc.platform.event.EventCatalog.ASSESSMENTS;
import static iq.gov.bcc.platform.event.EventCatalog.ASSESSMENT_COMPLETED;
import static iq.gov.bcc.platform.event.EventCatalog.EXCHANGE_RATE_PUBLISHED;
import static iq.gov.bcc.platform.event.EventCatalog.LICENCE_ISSUED;
import static iq.gov.bcc.platform.event.EventCatalog.LICENCE_REVOKED;
import static iq.gov.bcc.platform.event.EventCatalog.MEASURE_CREATED;
import static iq.gov.bcc.platform.event.EventCatalog.MEASURE_SUPERSEDED;


import com.fasterxml.jackson.databind.util.RawValue;
import iq.gov.bcc.platform.outbox.Outbox;
import iq.gov.bcc.tariff.domain.AssessmentResult;
import iq.gov.bcc.tariff.domain.ExchangeRate;
import iq.gov.bcc.tariff.domain.ExemptionLicence;
import iq.gov.bcc.tariff.domain.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The facts this service publishes, appended to the outbox in the caller's transaction. Tariff facts
 * (bcc.tariffs.v1) are not tied to a crossing, so they carry no crossing code.
 */
@ApplicationScoped
public class TariffEvents {

    private final Outbox outbox;

    TariffEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record MeasureData(UUID measureId, int version, String hsPrefix, String originScope, String originCode,
            List<String> excludedCountries, String dutyType, String dutyExpression, LocalDate validFrom,
            LocalDate validTo, String legalBasis, OffsetDateTime recordedAt, OffsetDateTime supersededAt,
            Integer supersededByVersion) {
    }

    public record RateData(UUID id, String currency, BigDecimal rateToIqd, LocalDate validFrom, LocalDate validTo,
            String source, OffsetDateTime recordedAt) {
    }

    public record LicenceData(String number, String holderTaxId, String kind, String status, OffsetDateTime revokedAt,
            LocalDate revocationEffectiveFrom, String reason, String legalBasis) {
    }

    void measureCreated(Measure m) {
        append(TARIFFS, m.measureId.toString(), MEASURE_CREATED, m.recordedAt, data(m, null));
    }

    void measureSuperseded(Measure old, Measure replacement) {
        append(TARIFFS, old.measureId.toString(), MEASURE_SUPERSEDED, old.supersededAt,
                data(old, replacement.version));
    }

    void ratePublished(ExchangeRate r) {
        append(TARIFFS, r.currency, EXCHANGE_RATE_PUBLISHED, r.recordedAt,
                new RateData(r.id, r.currency, r.rateToIqd, r.validFrom, r.validTo, r.source, r.recordedAt));
    }

    void licenceIssued(ExemptionLicence l) {
        append(TARIFFS, l.number, LICENCE_ISSUED, l.issuedAt, licence(l));
    }

    void licenceRevoked(ExemptionLicence l) {
        append(TARIFFS, l.number, LICENCE_REVOKED, l.revokedAt, licence(l));
    }

    /** {@code document} is {@code a} as JSON, already written for the assessment row: published as it is. */
    void assessmentCompleted(AssessmentResult a, String document) {
        outbox.append(ASSESSMENTS, a.declarationId().toString(), ASSESSMENT_COMPLETED, a.crossingCode(),
                a.assessedAt(), new RawValue(document));
    }

    private void append(String topic, String key, String type, OffsetDateTime at, Object data) {
        outbox.append(topic, key, type, null, at == null ? OffsetDateTime.now(ZoneOffset.UTC) : at, data);
    }

    private static MeasureData data(Measure m, Integer supersededBy) {
        return new MeasureData(m.measureId, m.version, m.hsPrefix, m.originScope.name(), m.originCode, m.excluded(),
                m.dutyType.name(), m.expression().describe(), m.validFrom, m.validTo, m.legalBasis, m.recordedAt,
                m.supersededAt, supersededBy);
    }

    private static LicenceData licence(ExemptionLicence l) {
        boolean revoked = l.revokedAt != null;
        return new LicenceData(l.number, l.holderTaxId, l.kind.name(), l.status.name(), l.revokedAt,
                l.revocationEffectiveFrom, revoked ? l.revocationReason : null,
                revoked ? l.revocationLegalBasis : l.legalBasis);
    }
}
