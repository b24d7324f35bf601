package iq.gov.bcc.tariff.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.tariff.config.TariffConfig;
import iq.gov.bcc.tariff.domain.Assessment;
import iq.gov.bcc.tariff.domain.AssessmentResult;
import iq.gov.bcc.tariff.domain.Declaration;
import iq.gov.bcc.tariff.domain.DutyExpression;
import iq.gov.bcc.tariff.domain.ExemptionLicence;
import iq.gov.bcc.tariff.domain.ExemptionRefusal;
import iq.gov.bcc.tariff.domain.ExemptionUse;
import iq.gov.bcc.tariff.domain.LicenceStatus;
import iq.gov.bcc.tariff.domain.TariffException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Duty assessment of a declaration version. Everything is judged at the declaration's lodgement: the
 * measures in force that day (as recorded now), the exchange rate in force that day, and whether each
 * exemption licence was valid, unrevoked, in scope and within quota that day. Measures and rates come from
 * {@link CurrentTariff} (the current belief, in memory; see there how changes reach it); licences are read
 * from the database, locked when quota is consumed.
 *
 * <p>A preview ({@link #preview}) changes nothing. Recording ({@link #record}) consumes licence quota,
 * releases what the declaration's previous versions had consumed, stores the assessment and publishes
 * {@code iq.bcc.assessment.completed.v1}, all in the caller's transaction.
 */
@ApplicationScoped
@Transactional
public class AssessmentService {

    private static final Logger LOG = Logger.getLogger(AssessmentService.class);
    private static final int SCALE = DutyExpression.SCALE;
    private static final RoundingMode ROUNDING = DutyExpression.ROUNDING;

    private static final java.util.regex.Pattern HS_CODE = java.util.regex.Pattern.compile("[0-9]{6,10}");

    private final CurrentTariff tariff;
    private final TariffEvents events;
    private final TariffConfig config;
    private final ObjectMapper json;
    private final io.micrometer.core.instrument.Counter previews;
    private final io.micrometer.core.instrument.Counter recordedCount;
    private final io.micrometer.core.instrument.Counter refusals;

    AssessmentService(CurrentTariff tariff, TariffEvents events, TariffConfig config,
            ObjectMapper json, io.micrometer.core.instrument.MeterRegistry meters) {
        this.tariff = tariff;
        this.events = events;
        this.config = config;
        this.json = json;
        this.previews = meters.counter("bcc.tariff.assessments", "kind", "preview");
        this.recordedCount = meters.counter("bcc.tariff.assessments", "kind", "recorded");
        this.refusals = meters.counter("bcc.tariff.exemption.refusals");
    }

    /** What would be due, without consuming quota or recording anything. */
    public AssessmentResult preview(Declaration declaration) {
        previews.increment();
        return assess(declaration, false);
    }

    /** A filed or amended declaration version to assess, and the event that brought it. */
    public record Filing(Declaration declaration, UUID sourceEventId) {
    }

    /**
     * Records the assessments of declaration versions (the event path), in order: a poll's worth in one
     * transaction. A version already assessed, earlier or earlier in the list, is skipped: it has had its effect.
     */
    public List<AssessmentResult> recordAll(List<Filing> filings) {
        for (Filing filing : filings) {
            if (filing.declaration().declarationId() == null || filing.declaration().version() == null) {
                throw TariffException.invalid("declarationId", "a recorded assessment needs declarationId and version");
            }
        }
        Set<VersionKey> assessed = assessedAmong(filings);
        List<AssessmentResult> results = new ArrayList<>(filings.size());
        List<Recorded> rows = new ArrayList<>(filings.size());
        for (Filing filing : filings) {
            Declaration declaration = filing.declaration();
            if (!assessed.add(new VersionKey(declaration.declarationId(), declaration.version()))) {
                LOG.infof("Declaration %s version %d already assessed; nothing to do", declaration.declarationId(),
                        declaration.version());
                continue;
            }
            Recorded row = record(declaration, filing.sourceEventId());
            rows.add(row);
            results.add(row.result());
        }
        insert(rows);
        return results;
    }

    private record VersionKey(UUID declarationId, int version) {
    }

    /**
     * Which of these versions are already assessed: one query for the whole batch, with the ids as one array
     * parameter (an HQL {@code in} list is a new SQL statement, and a new plan, for every batch size).
     */
    private static Set<VersionKey> assessedAmong(List<Filing> filings) {
        Set<VersionKey> assessed = new HashSet<>();
        if (filings.isEmpty()) {
            return assessed;
        }
        Object[] ids = filings.stream().map(f -> f.declaration().declarationId()).distinct().toArray();
        Assessment.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT declaration_id, declaration_version FROM assessment WHERE declaration_id = ANY(?)")) {
                query.setArray(1, connection.createArrayOf("uuid", ids));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        assessed.add(new VersionKey(rows.getObject(1, UUID.class), rows.getInt(2)));
                    }
                }
            }
        });
        return assessed;
    }

    /** An assessment to store, with its published JSON and the event that brought its declaration version. */
    private record Recorded(AssessmentResult result, String document, UUID sourceEventId) {
    }

    private Recorded record(Declaration declaration, UUID sourceEventId) {
        if (declaration.version() > 1) {
            releasePreviousUses(declaration.declarationId(), declaration.version());
        }
        AssessmentResult result = assess(declaration, true);
        String document;
        try {
            document = json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("assessment cannot be serialised", e);
        }
        events.assessmentCompleted(result, document);
        recordedCount.increment();
        result.items().stream().filter(l -> l.exemption() != null && !l.exemption().applied())
                .forEach(l -> refusals.increment());
        return new Recorded(result, document, sourceEventId);
    }

    /**
     * Stores a batch's assessments in one JDBC batch (multi-row inserts, see the datasource's
     * reWriteBatchedInserts): the rows are only ever inserted, so the persistence context has nothing to track.
     * {@link Assessment} maps the same table for reading.
     */
    private static void insert(List<Recorded> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Assessment.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO assessment (id, declaration_id, "
                    + "declaration_version, crossing_code, lodged_at, assessed_at, total_customs_value_iqd, "
                    + "total_duty_iqd, source_event_id, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Recorded row : rows) {
                    AssessmentResult result = row.result();
                    insert.setObject(1, result.assessmentId());
                    insert.setObject(2, result.declarationId());
                    insert.setInt(3, result.declarationVersion());
                    insert.setString(4, result.crossingCode());
                    insert.setObject(5, result.lodgedAt());
                    insert.setObject(6, result.assessedAt());
                    insert.setBigDecimal(7, new BigDecimal(result.totalCustomsValueIqd()));
                    insert.setBigDecimal(8, new BigDecimal(result.totalDutyIqd()));
                    insert.setObject(9, row.sourceEventId());
                    insert.setString(10, row.document());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    public List<Assessment> recorded(UUID declarationId) {
        return Assessment.list("declarationId = ?1 order by declarationVersion", declarationId);
    }

    /** An amendment replaces its previous versions' quota use: give it back before the new version consumes. */
    private void releasePreviousUses(UUID declarationId, int version) {
        List<ExemptionUse> uses = ExemptionUse.list("declarationId = ?1 and declarationVersion < ?2 and releasedAt is null",
                declarationId, version);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (ExemptionUse use : uses) {
            ExemptionLicence licence = ExemptionLicence.findById(use.licenceNumber, LockModeType.PESSIMISTIC_WRITE);
            licence.quantityUsedKg = licence.quantityUsedKg.subtract(use.quantityKg);
            licence.valueUsedIqd = licence.valueUsedIqd.subtract(use.valueIqd);
            use.releasedAt = now;
        }
    }

    private AssessmentResult assess(Declaration d, boolean consume) {
        if (d.lodgedAt() == null) {
            throw TariffException.invalid("lodgedAt", "lodgedAt is required");
        }
        if (d.items() == null || d.items().isEmpty()) {
            throw TariffException.invalid("items", "a declaration needs at least one item");
        }
        OffsetDateTime lodgedAt = d.lodgedAt().withOffsetSameInstant(ZoneOffset.UTC);
        LocalDate day = lodgedAt.atZoneSameInstant(config.zone()).toLocalDate();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID assessmentId = UUID.randomUUID();
        // Quota taken by earlier lines of this same declaration, per licence: [kg, IQD].
        Map<String, BigDecimal[]> pending = new HashMap<>();
        // The measures and rates believed now, one consistent copy for every line of the declaration.
        CurrentTariff.Snapshot current = tariff.current();
        List<AssessmentResult.Line> lines = new ArrayList<>();
        List<String> explanation = new ArrayList<>();
        BigDecimal totalValue = BigDecimal.ZERO.setScale(SCALE);
        BigDecimal totalDuty = BigDecimal.ZERO.setScale(SCALE);
        for (int i = 0; i < d.items().size(); i++) {
            Declaration.Item item = d.items().get(i);
            int line = item.line() == null ? i + 1 : item.line();
            String field = "items[" + i + "]";
            if (item.hsCode() == null || !HS_CODE.matcher(item.hsCode()).matches()) {
                throw TariffException.invalid(field + ".hsCode", "hsCode must be 6 to 10 digits");
            }
            if (item.customsValue() == null || item.customsValue().amount() == null
                    || item.customsValue().currency() == null) {
                throw TariffException.invalid(field + ".customsValue", "customsValue needs amount and currency");
            }
            String currency = item.customsValue().currency();
            AssessmentResult.RateUsed rateUsed;
            BigDecimal rate;
            if ("IQD".equals(currency)) {
                rate = BigDecimal.ONE;
                rateUsed = new AssessmentResult.RateUsed("IQD", "1.0000", null);
            } else {
                CurrentTariff.Rate found = current.rate(currency, day).orElseThrow(() -> TariffException.invalid(
                        field + ".customsValue.currency", "no exchange rate for " + currency + " on " + day));
                rate = found.rateToIqd();
                rateUsed = new AssessmentResult.RateUsed(currency, rateText(rate), found.validFrom());
            }
            BigDecimal valueIqd = item.customsValue().amount().multiply(rate).setScale(SCALE, ROUNDING);
            BigDecimal netKg = item.netWeightKg() == null ? BigDecimal.ZERO : item.netWeightKg();
            Optional<CurrentTariff.MeasureVersion> measure = current.select(item.hsCode(), d.originCountry(), day);
            StringBuilder text = new StringBuilder("Line ").append(line).append(": HS ").append(item.hsCode())
                    .append(" from ").append(d.originCountry()).append(", value ")
                    .append(DutyExpression.money(item.customsValue().amount())).append(' ').append(currency);
            if (!"IQD".equals(currency)) {
                text.append(" at ").append(rateText(rate)).append(" IQD (rate from ").append(rateUsed.validFrom())
                        .append(") = ").append(DutyExpression.money(valueIqd)).append(" IQD");
            }
            BigDecimal duty;
            String expression;
            if (measure.isPresent()) {
                CurrentTariff.MeasureVersion m = measure.get();
                DutyExpression.Duty computed = m.expression().apply(valueIqd, netKg, item.quantity());
                duty = computed.amountIqd();
                expression = m.expression().describe();
                text.append("; measure ").append(m.measureId()).append(" version ").append(m.version())
                        .append(" on HS ").append(m.hsPrefix()).append(" (").append(m.legalBasis()).append("): ")
                        .append(computed.working());
            } else {
                duty = BigDecimal.ZERO.setScale(SCALE);
                expression = "no measure in force";
                text.append("; no measure was in force for this code and origin on ").append(day)
                        .append(", so no duty is computed (refer to a tariff administrator)");
            }
            AssessmentResult.ExemptionOutcome exemption = null;
            BigDecimal payable = duty;
            if (item.exemptionLicence() != null && !item.exemptionLicence().isBlank()) {
                exemption = exemption(item.exemptionLicence().trim(), d, item, day, netKg, valueIqd, duty, pending,
                        consume, line, now);
                if (exemption.applied()) {
                    payable = BigDecimal.ZERO.setScale(SCALE);
                    text.append("; exempt under licence ").append(exemption.licenceNumber()).append(", ")
                            .append(DutyExpression.money(duty)).append(" IQD waived");
                } else {
                    text.append("; exemption licence ").append(exemption.licenceNumber()).append(" refused (")
                            .append(exemption.refusal()).append(": ").append(exemption.detail()).append(')');
                }
            }
            text.append("; duty ").append(DutyExpression.money(payable)).append(" IQD.");
            explanation.add(text.toString());
            totalValue = totalValue.add(valueIqd);
            totalDuty = totalDuty.add(payable);
            lines.add(new AssessmentResult.Line(line, item.hsCode(), measure.map(CurrentTariff.MeasureVersion::measureId).orElse(null),
                    measure.map(CurrentTariff.MeasureVersion::version).orElse(null), expression, rateUsed, valueIqd.toPlainString(),
                    item.netWeightKg(), duty.toPlainString(), exemption, payable.toPlainString()));
        }
        explanation.add("Total " + DutyExpression.money(totalDuty) + " IQD on a customs value of "
                + DutyExpression.money(totalValue) + " IQD, judged at lodgement " + lodgedAt + " (" + day + " in "
                + config.zone() + "); amounts in IQD rounded half-up to 3 decimals.");
        return new AssessmentResult(assessmentId, d.declarationId(), d.version(), d.crossingCode(), lodgedAt, now,
                "IQD", totalValue.toPlainString(), totalDuty.toPlainString(), lines, String.join(" ", explanation));
    }

    private AssessmentResult.ExemptionOutcome exemption(String number, Declaration d, Declaration.Item item,
            LocalDate day, BigDecimal netKg, BigDecimal valueIqd, BigDecimal duty, Map<String, BigDecimal[]> pending,
            boolean consume, int line, OffsetDateTime now) {
        ExemptionLicence licence = consume ? ExemptionLicence.findById(number, LockModeType.PESSIMISTIC_WRITE)
                : ExemptionLicence.findById(number);
        if (licence == null) {
            return refused(number, ExemptionRefusal.UNKNOWN, "no exemption licence numbered " + number);
        }
        String taxId = d.trader() == null ? null : d.trader().taxId();
        if (!licence.holderTaxId.equals(taxId)) {
            return refused(number, ExemptionRefusal.HOLDER_MISMATCH, "the licence is held by tax id "
                    + licence.holderTaxId + ", the declarant is " + taxId);
        }
        if (licence.status == LicenceStatus.REVOKED && !day.isBefore(licence.revocationEffectiveFrom)) {
            return refused(number, ExemptionRefusal.REVOKED, "revoked with effect from "
                    + licence.revocationEffectiveFrom + " by " + licence.revocationLegalBasis
                    + (licence.revocationReason == null ? "" : " (" + licence.revocationReason + ")"));
        }
        if (day.isBefore(licence.validFrom)) {
            return refused(number, ExemptionRefusal.NOT_YET_VALID, "valid only from " + licence.validFrom
                    + "; lodged on " + day);
        }
        if (licence.validTo != null && !day.isBefore(licence.validTo)) {
            return refused(number, ExemptionRefusal.EXPIRED, "expired: valid until " + licence.validTo
                    + " (exclusive); lodged on " + day);
        }
        if (!licence.covers(item.hsCode())) {
            return refused(number, ExemptionRefusal.OUT_OF_SCOPE, "HS " + item.hsCode()
                    + " is outside the licence scope " + String.join(", ", licence.scope()));
        }
        BigDecimal[] taken = pending.computeIfAbsent(number, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        BigDecimal kgAfter = licence.quantityUsedKg.add(taken[0]).add(netKg);
        BigDecimal valueAfter = licence.valueUsedIqd.add(taken[1]).add(valueIqd);
        if (licence.quantityQuotaKg != null && kgAfter.compareTo(licence.quantityQuotaKg) > 0) {
            return refused(number, ExemptionRefusal.OVER_QUOTA, DutyExpression.money(netKg)
                    + " kg would exceed the quantity quota: " + DutyExpression.money(licence.quantityUsedKg.add(taken[0]))
                    + " of " + DutyExpression.money(licence.quantityQuotaKg) + " kg already used");
        }
        if (licence.valueQuotaIqd != null && valueAfter.compareTo(licence.valueQuotaIqd) > 0) {
            return refused(number, ExemptionRefusal.OVER_QUOTA, DutyExpression.money(valueIqd)
                    + " IQD would exceed the value quota: " + DutyExpression.money(licence.valueUsedIqd.add(taken[1]))
                    + " of " + DutyExpression.money(licence.valueQuotaIqd) + " IQD already used");
        }
        taken[0] = taken[0].add(netKg);
        taken[1] = taken[1].add(valueIqd);
        if (consume) {
            licence.quantityUsedKg = licence.quantityUsedKg.add(netKg);
            licence.valueUsedIqd = licence.valueUsedIqd.add(valueIqd);
            ExemptionUse use = new ExemptionUse();
            use.id = UUID.randomUUID();
            use.licenceNumber = number;
            use.declarationId = d.declarationId();
            use.declarationVersion = d.version();
            use.line = line;
            use.quantityKg = netKg;
            use.valueIqd = valueIqd;
            use.usedAt = now;
            use.persist();
        }
        return new AssessmentResult.ExemptionOutcome(number, true, null, licence.kind + " licence held by "
                + licence.holderName + ", valid on " + day + ", HS in scope, within quota", duty.toPlainString());
    }

    private static AssessmentResult.ExemptionOutcome refused(String number, ExemptionRefusal refusal, String detail) {
        return new AssessmentResult.ExemptionOutcome(number, false, refusal, detail, "0.000");
    }

    private static String rateText(BigDecimal rate) {
        BigDecimal stripped = rate.stripTrailingZeros();
        return rate.setScale(Math.max(4, stripped.scale()), ROUNDING).toPlainString();
    }
}
