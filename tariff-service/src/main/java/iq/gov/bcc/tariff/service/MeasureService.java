package iq.gov.bcc.tariff.service;

import io.quarkus.panache.common.Sort;
import iq.gov.bcc.tariff.domain.DutyExpression;
import iq.gov.bcc.tariff.domain.GeographicalArea;
import iq.gov.bcc.tariff.domain.Measure;
import iq.gov.bcc.tariff.domain.OriginScope;
import iq.gov.bcc.tariff.domain.TariffException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Tariff measures in two times: validity (business time, which days a duty applies to) and belief
 * (system time, what the service recorded and when). A change never overwrites: it closes the current
 * version's system time and records the next version.
 */
@ApplicationScoped
@Transactional
public class MeasureService {

    static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** What a measure says, as an administrator states it. */
    public record Terms(String hsPrefix, OriginScope originScope, String originCode, List<String> excludedCountries,
            DutyExpression duty, LocalDate validFrom, LocalDate validTo, String legalBasis, String changeReason) {
    }

    /**
     * Ranks candidate measures: longest HS prefix first, then the most specific origin scope, then the latest
     * start; two equally specific measures (e.g. GCC and ARAB_LEAGUE for goods from Saudi Arabia, starting the
     * same day) are ranked by measure id so that the choice is stable. {@link CurrentTariff} applies the same order.
     */
    static final Comparator<Measure> MOST_SPECIFIC = Comparator
            .comparingInt((Measure m) -> m.hsPrefix.length()).reversed()
            .thenComparing(Comparator.comparingInt((Measure m) -> m.originScope.specificity()).reversed())
            .thenComparing(Comparator.comparing((Measure m) -> m.validFrom).reversed())
            .thenComparing((Measure m) -> m.measureId);

    private final NomenclatureService nomenclature;
    private final TariffEvents events;
    private final CurrentTariff currentTariff;

    MeasureService(NomenclatureService nomenclature, TariffEvents events, CurrentTariff currentTariff) {
        this.nomenclature = nomenclature;
        this.events = events;
        this.currentTariff = currentTariff;
    }

    public Measure create(Terms terms, String user) {
        validate(terms, "");
        requireNoOverlap(terms, null);
        Measure measure = new Measure();
        measure.rowId = UUID.randomUUID();
        measure.measureId = UUID.randomUUID();
        measure.version = 1;
        apply(measure, terms, user, OffsetDateTime.now(ZoneOffset.UTC));
        measure.persist();
        currentTariff.changedInThisTransaction();
        events.measureCreated(measure);
        return measure;
    }

    /** Records a new version of a measure (a correction or a change of validity); the old one stays as history. */
    public Measure change(UUID measureId, Terms terms, String user) {
        validate(terms, "");
        Measure current = Measure.<Measure>find("measureId = ?1 and supersededAt is null", measureId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> TariffException.notFound("no measure " + measureId));
        requireNoOverlap(terms, measureId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        current.supersededAt = now;
        current.flush();
        Measure next = current.nextVersion();
        apply(next, terms, user, now);
        next.persist();
        currentTariff.changedInThisTransaction();
        events.measureSuperseded(current, next);
        events.measureCreated(next);
        return next;
    }

    /** Creates every measure of an import, all or nothing. */
    public List<Measure> importAll(List<Terms> rows, String user) {
        List<Measure> created = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            try {
                created.add(create(rows.get(i), user));
            } catch (TariffException e) {
                throw new TariffException(e.kind(), "line " + (i + 2), "line " + (i + 2) + ": " + e.getMessage());
            }
        }
        return created;
    }

    public List<Measure> versions(UUID measureId) {
        List<Measure> versions = Measure.list("measureId", Sort.by("version"), measureId);
        if (versions.isEmpty()) {
            throw TariffException.notFound("no measure " + measureId);
        }
        return versions;
    }

    /**
     * The measures in force on {@code at}, as recorded at {@code asKnownAt}, that could apply to
     * {@code hsCode} (any prefix of it) and {@code originCountry}; the first one is the one applied.
     */
    public List<Measure> inForce(String hsCode, String originCountry, LocalDate at, OffsetDateTime asKnownAt,
            int limit) {
        StringBuilder query = new StringBuilder("validFrom <= :at and (validTo is null or validTo > :at) "
                + "and recordedAt <= :known and (supersededAt is null or supersededAt > :known)");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("at", at)
                .and("known", asKnownAt);
        if (hsCode != null) {
            query.append(" and hsPrefix in :prefixes");
            params.and("prefixes", prefixes(hsCode));
        }
        if (hsCode == null && originCountry == null) {
            return Measure.<Measure>find(query.toString(), Sort.by("hsPrefix").and("validFrom"), params)
                    .page(0, limit).list();
        }
        List<Measure> candidates = Measure.list(query.toString(), Sort.by("hsPrefix").and("validFrom"), params);
        return candidates.stream()
                .filter(m -> originCountry == null || m.appliesToOrigin(originCountry))
                .sorted(hsCode != null ? MOST_SPECIFIC : Comparator.comparing((Measure m) -> m.hsPrefix))
                .limit(limit).toList();
    }

    public Optional<Measure> select(String hsCode, String originCountry, LocalDate at, OffsetDateTime asKnownAt) {
        return inForce(hsCode, originCountry, at, asKnownAt, 1).stream().findFirst();
    }

    static List<String> prefixes(String hsCode) {
        List<String> prefixes = new ArrayList<>();
        for (int length = 2; length <= hsCode.length(); length += 2) {
            prefixes.add(hsCode.substring(0, length));
        }
        return prefixes;
    }

    private void validate(Terms t, String at) {
        if (t.hsPrefix() == null || !t.hsPrefix().matches("[0-9]{2}([0-9]{2}){0,4}")) {
            throw TariffException.invalid("hsPrefix", "hsPrefix must be 2, 4, 6, 8 or 10 digits");
        }
        if (!nomenclature.exists(t.hsPrefix())) {
            throw TariffException.invalid("hsPrefix", "hsPrefix " + t.hsPrefix() + " is not in the nomenclature");
        }
        if (t.originScope() == null) {
            throw TariffException.invalid("originScope", "originScope is required (ALL, GROUP or COUNTRY)");
        }
        switch (t.originScope()) {
            case ALL -> {
                if (t.originCode() != null) {
                    throw TariffException.invalid("originCode", "a measure for ALL origins names no originCode");
                }
            }
            case GROUP -> {
                if (!GeographicalArea.isGroup(t.originCode())) {
                    throw TariffException.invalid("originCode",
                            "originCode must be one of the groups " + GeographicalArea.GROUPS.keySet());
                }
            }
            case COUNTRY -> {
                if (t.originCode() == null || !COUNTRIES.contains(t.originCode())) {
                    throw TariffException.invalid("originCode", "originCode must be an ISO 3166 alpha-2 country");
                }
            }
        }
        for (String excluded : t.excludedCountries()) {
            if (!COUNTRIES.contains(excluded)) {
                throw TariffException.invalid("excludedCountries", excluded + " is not an ISO 3166 alpha-2 country");
            }
        }
        if (t.duty() == null) {
            throw TariffException.invalid("dutyType", "dutyType is required");
        }
        t.duty().validated();
        if (t.validFrom() == null) {
            throw TariffException.invalid("validFrom", "validFrom is required");
        }
        if (t.validTo() != null && !t.validTo().isAfter(t.validFrom())) {
            throw TariffException.invalid("validTo", "validTo must be after validFrom (it is exclusive)");
        }
        if (t.legalBasis() == null || t.legalBasis().isBlank()) {
            throw TariffException.invalid("legalBasis", "legalBasis is required");
        }
    }

    /** Two current measures for the same prefix and origin may not be in force on the same day. */
    private void requireNoOverlap(Terms t, UUID except) {
        List<Measure> same = Measure.list("hsPrefix = ?1 and originScope = ?2 and supersededAt is null",
                t.hsPrefix(), t.originScope());
        for (Measure m : same) {
            boolean sameOrigin = java.util.Objects.equals(m.originCode, t.originCode());
            boolean overlaps = (t.validTo() == null || m.validFrom.isBefore(t.validTo()))
                    && (m.validTo == null || t.validFrom().isBefore(m.validTo));
            if (sameOrigin && overlaps && !m.measureId.equals(except)) {
                throw TariffException.conflict("measure " + m.measureId + " (version " + m.version
                        + ") already applies to " + t.hsPrefix() + " for this origin from " + m.validFrom
                        + (m.validTo == null ? "" : " to " + m.validTo)
                        + "; end it first (PUT with validTo) or change it");
            }
        }
    }

    private static void apply(Measure m, Terms t, String user, OffsetDateTime now) {
        m.hsPrefix = t.hsPrefix();
        m.originScope = t.originScope();
        m.originCode = t.originCode();
        m.excludedCountries = String.join(",", t.excludedCountries());
        DutyExpression d = t.duty();
        m.dutyType = d.type();
        m.adValoremPercent = d.adValoremPercent();
        m.specificAmountIqd = d.specificAmountIqd();
        m.specificUnit = d.specificUnit();
        m.minimumIqd = d.minimumIqd();
        m.maximumIqd = d.maximumIqd();
        m.validFrom = t.validFrom();
        m.validTo = t.validTo();
        m.legalBasis = t.legalBasis();
        m.changeReason = t.changeReason();
        m.sample = false;
        m.recordedBy = user;
        m.recordedAt = now;
    }
}
