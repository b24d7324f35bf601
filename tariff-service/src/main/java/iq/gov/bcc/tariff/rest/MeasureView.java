package iq.gov.bcc.tariff.rest;

import iq.gov.bcc.tariff.domain.Measure;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One version of a tariff measure, with its business validity and its system (recorded) time")
public record MeasureView(
        @Schema(example = "9a0e2f5c-1d3b-4a6e-8f7a-0b1c2d3e4f5a") UUID measureId,
        @Schema(example = "2") int version,
        @Schema(example = "7214") String hsPrefix,
        @Schema(example = "ALL") String originScope,
        @Schema(example = "null") String originCode,
        @Schema(example = "[\"IR\"]") List<String> excludedCountries,
        @Schema(example = "AD_VALOREM") String dutyType,
        @Schema(example = "15") BigDecimal adValoremPercent,
        BigDecimal specificAmountIqd,
        String specificUnit,
        BigDecimal minimumIqd,
        BigDecimal maximumIqd,
        @Schema(example = "15 %") String dutyExpression,
        @Schema(example = "2026-01-01") LocalDate validFrom,
        @Schema(example = "2026-03-15") LocalDate validTo,
        @Schema(example = "Customs Tariff Law No. 22 of 2010") String legalBasis,
        @Schema(description = "True for the shipped SAMPLE schedule, which is not the legal schedule") boolean sample,
        @Schema(example = "2026-01-02T09:00:00Z") OffsetDateTime recordedAt,
        @Schema(description = "When a later version replaced this belief; null for the current version") OffsetDateTime supersededAt,
        @Schema(example = "tariff-admin") String recordedBy,
        String changeReason) {

    static MeasureView of(Measure m) {
        return new MeasureView(m.measureId, m.version, m.hsPrefix, m.originScope.name(), m.originCode, m.excluded(),
                m.dutyType.name(), m.adValoremPercent, m.specificAmountIqd,
                m.specificUnit == null ? null : m.specificUnit.name(), m.minimumIqd, m.maximumIqd,
                m.expression().describe(), m.validFrom, m.validTo, m.legalBasis, m.sample, m.recordedAt,
                m.supersededAt, m.recordedBy, m.changeReason);
    }
}
