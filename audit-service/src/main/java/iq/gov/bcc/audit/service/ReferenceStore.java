package iq.gov.bcc.audit.service;

import com.fasterxml.jackson.databind.JsonNode;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.domain.Receipt;
import iq.gov.bcc.audit.domain.rules.ReferenceFacts;
import iq.gov.bcc.audit.domain.rules.UnitValueOutlierRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/** Reference facts learnt from the topics: exchange rates, exemption licences, unit values, receipt numbers. */
@ApplicationScoped
public class ReferenceStore implements ReferenceFacts {

    private final EntityManager entityManager;
    private final iq.gov.bcc.audit.config.AuditConfig config;

    ReferenceStore(EntityManager entityManager, iq.gov.bcc.audit.config.AuditConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    @Override
    public List<Receipt> receiptsNumbered(String receiptNumber) {
        return Receipt.withNumber(receiptNumber);
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<BigDecimal> unitValues(String hs6, String origin, UUID excludeDeclaration, OffsetDateTime lodgedAt, int window) {
        return entityManager.createNativeQuery("SELECT value_per_kg FROM unit_value_observation WHERE hs6 = ?1 AND origin = ?2 "
                + "AND declaration_id <> ?3 AND lodged_at <= ?4 ORDER BY lodged_at DESC, declaration_id, line LIMIT ?5")
                .setParameter(1, hs6).setParameter(2, origin).setParameter(3, excludeDeclaration).setParameter(4, lodgedAt)
                .setParameter(5, window).getResultList().stream().map(v -> (BigDecimal) v).toList();
    }

    /**
     * The newest unit values of a group lodged up to {@code upTo} (null: the newest of all), in the order
     * {@link #unitValues} reads them.
     */
    List<UnitValueWindows.Value> newestUnitValues(String hs6, String origin, Instant upTo, int limit) {
        String order = "lodged_at DESC, declaration_id, line";
        return upTo == null ? unitValueRows(hs6, origin, "", null, order, limit)
                : unitValueRows(hs6, origin, " AND lodged_at <= ?", upTo, order, limit);
    }

    /** The oldest unit values of a group lodged after {@code after}, oldest first. */
    List<UnitValueWindows.Value> unitValuesAfter(String hs6, String origin, Instant after, int limit) {
        return unitValueRows(hs6, origin, " AND lodged_at > ?", after, "lodged_at", limit);
    }

    /** A group's unit values, {@code lodgedAt} the parameter of {@code timeCondition} (if it has one). */
    private List<UnitValueWindows.Value> unitValueRows(String hs6, String origin, String timeCondition, Instant lodgedAt,
            String order, int limit) {
        List<UnitValueWindows.Value> values = new ArrayList<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT declaration_id, line, value_per_kg, lodged_at "
                    + "FROM unit_value_observation WHERE hs6 = ? AND origin = ?" + timeCondition + " ORDER BY " + order
                    + " LIMIT ?")) {
                int parameter = 1;
                select.setString(parameter++, hs6);
                select.setString(parameter++, origin);
                if (lodgedAt != null) {
                    select.setObject(parameter++, lodgedAt.atOffset(ZoneOffset.UTC));
                }
                select.setInt(parameter, limit);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        values.add(new UnitValueWindows.Value(row.getObject(1, UUID.class), row.getInt(2), row.getBigDecimal(3),
                                row.getObject(4, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        });
        return values;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Licence> licence(String number) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT number, status, revoked_at, revocation_effective_from "
                + "FROM exemption_licence WHERE number = ?1").setParameter(1, number).getResultList();
        return rows.stream().findFirst().map(r -> new Licence((String) r[0], (String) r[1], offset(r[2]), offset(r[3])));
    }

    private static OffsetDateTime offset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /**
     * Stores a rate for a currency from a date; true when it is new or differs from the rate stored for
     * that date, so receipts paid under it are converted again.
     */
    public boolean storeRate(String currency, LocalDate validFrom, BigDecimal rateToIqd) {
        return insertRate(currency, validFrom, rateToIqd,
                "DO UPDATE SET rate_to_iqd = EXCLUDED.rate_to_iqd WHERE exchange_rate.rate_to_iqd <> EXCLUDED.rate_to_iqd");
    }

    /** Stores a rate for a currency from a date unless one is stored for that date; true when it was stored. */
    public boolean storeRateIfAbsent(String currency, LocalDate validFrom, BigDecimal rateToIqd) {
        return insertRate(currency, validFrom, rateToIqd, "DO NOTHING");
    }

    /** True when a row was inserted or changed. */
    private boolean insertRate(String currency, LocalDate validFrom, BigDecimal rateToIqd, String onConflict) {
        return entityManager.createNativeQuery("INSERT INTO exchange_rate (currency, valid_from, rate_to_iqd) VALUES (?1, ?2, ?3) "
                + "ON CONFLICT (currency, valid_from) " + onConflict)
                .setParameter(1, currency).setParameter(2, validFrom).setParameter(3, rateToIqd).executeUpdate() > 0;
    }

    /** The first date after {@code validFrom} from which another rate for the currency applies. */
    @SuppressWarnings("unchecked")
    public Optional<LocalDate> nextRateFrom(String currency, LocalDate validFrom) {
        List<LocalDate> dates = entityManager.createNativeQuery("SELECT valid_from FROM exchange_rate WHERE currency = ?1 "
                + "AND valid_from > ?2 ORDER BY valid_from LIMIT 1", LocalDate.class).setParameter(1, currency)
                .setParameter(2, validFrom).getResultList();
        return dates.stream().findFirst();
    }

    /** IQD for an amount, at the rate in force on the date (Baghdad) it was paid; empty with no rate. */
    @SuppressWarnings("unchecked")
    public Optional<BigDecimal> toIqd(BigDecimal amount, String currency, LocalDate on) {
        if ("IQD".equals(currency)) {
            return Optional.of(amount);
        }
        List<BigDecimal> rates = entityManager.createNativeQuery("SELECT rate_to_iqd FROM exchange_rate WHERE currency = ?1 "
                + "AND valid_from <= ?2 ORDER BY valid_from DESC LIMIT 1").setParameter(1, currency).setParameter(2, on)
                .getResultList();
        return rates.stream().findFirst().map(rate -> convert(amount, rate));
    }

    public static BigDecimal convert(BigDecimal amount, BigDecimal rateToIqd) {
        return amount.multiply(rateToIqd).setScale(3, RoundingMode.HALF_UP);
    }

    public void storeLicence(JsonNode licence) {
        entityManager.createNativeQuery("INSERT INTO exemption_licence (number, status, revoked_at, revocation_effective_from, data) "
                + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (number) DO UPDATE SET status = EXCLUDED.status, "
                + "revoked_at = EXCLUDED.revoked_at, revocation_effective_from = EXCLUDED.revocation_effective_from, data = EXCLUDED.data")
                .setParameter(1, DeclarationStory.text(licence, "number"))
                .setParameter(2, DeclarationStory.text(licence, "status"))
                .setParameter(3, timestamp(DeclarationStory.text(licence, "revokedAt")))
                .setParameter(4, timestamp(DeclarationStory.text(licence, "revocationEffectiveFrom")))
                .setParameter(5, licence.toString()).executeUpdate();
    }

    public void recordExemptionUse(String licenceNumber, UUID declarationId) {
        entityManager.createNativeQuery("INSERT INTO exemption_use (licence_number, declaration_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, licenceNumber).setParameter(2, declarationId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<UUID> declarationsUsing(String licenceNumber) {
        return entityManager.createNativeQuery("SELECT declaration_id FROM exemption_use WHERE licence_number = ?1 ORDER BY declaration_id")
                .setParameter(1, licenceNumber).getResultList();
    }

    /** The unit values the latest assessment of a declaration shows, line by line; none before it is assessed. */
    public List<Observation> observationsOf(DeclarationStory story) {
        if (story.latestAssessment().isEmpty() || story.latest().isEmpty()) {
            return List.of();
        }
        JsonNode latest = story.latest().get();
        String origin = DeclarationStory.text(latest, "originCountry");
        if (origin.isEmpty()) {
            return List.of();
        }
        Instant lodgedAt = storedPrecision(OffsetDateTime.parse(DeclarationStory.text(latest, "lodgedAt")).toInstant());
        List<Observation> observations = new ArrayList<>();
        Set<Integer> lines = new HashSet<>();
        int index = 1;
        for (JsonNode item : story.latestAssessment().get().path("items")) {
            int line = item.path("line").asInt(index++);
            // The store keeps the first of a line number given twice (ON CONFLICT DO NOTHING): so do these.
            if (lines.add(line)) {
                UnitValueOutlierRule.valuePerKg(item).ifPresent(perKg -> observations.add(new Observation(line,
                        UnitValueOutlierRule.hs6(DeclarationStory.text(item, "hsCode")), origin, perKg, lodgedAt)));
            }
        }
        return observations;
    }

    /**
     * An instant to the microsecond, as PostgreSQL keeps it: rounded here, so that the store is given
     * exactly what is kept in memory, and windows compare lodgements in both alike.
     */
    static Instant storedPrecision(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** The observations stored for these declarations (an empty list for one that has none). */
    public Map<UUID, List<Observation>> storedObservations(Collection<UUID> declarationIds) {
        Map<UUID, List<Observation>> stored = new HashMap<>();
        declarationIds.forEach(id -> stored.put(id, new ArrayList<>()));
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT declaration_id, line, hs6, origin, value_per_kg, "
                    + "lodged_at FROM unit_value_observation WHERE declaration_id = ANY(?) ORDER BY declaration_id, line")) {
                select.setArray(1, connection.createArrayOf("uuid", declarationIds.toArray()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        stored.get(row.getObject(1, UUID.class)).add(new Observation(row.getInt(2), row.getString(3),
                                row.getString(4), row.getBigDecimal(5), row.getObject(6, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        });
        return stored;
    }

    /**
     * Replaces the unit-value observations of a declaration: {@code stored} are those in the store now
     * (none for most declarations, which are assessed once), {@code observations} the new ones.
     */
    public void replaceObservations(UUID declarationId, List<Observation> stored, List<Observation> observations) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (!stored.isEmpty()) {
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM unit_value_observation WHERE declaration_id = ?")) {
                    delete.setObject(1, declarationId);
                    delete.executeUpdate();
                }
            }
            if (observations.isEmpty()) {
                return;
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO unit_value_observation "
                    + "(declaration_id, line, hs6, origin, value_per_kg, lodged_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (Observation o : observations) {
                    insert.setObject(1, declarationId);
                    insert.setInt(2, o.line());
                    insert.setString(3, o.hs6());
                    insert.setString(4, o.origin());
                    insert.setBigDecimal(5, o.valuePerKg());
                    insert.setObject(6, o.lodgedAt().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** A value per kg observed on one line of a declaration, as stored (six decimals). */
    public record Observation(int line, String hs6, String origin, BigDecimal valuePerKg, Instant lodgedAt) {
        public Observation {
            valuePerKg = valuePerKg.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        }
    }

    private org.hibernate.query.TypedParameterValue<OffsetDateTime> timestamp(String value) {
        return new org.hibernate.query.TypedParameterValue<>(org.hibernate.type.StandardBasicTypes.OFFSET_DATE_TIME, instant(value));
    }

    /** A date (the start of that day in Baghdad, where licences take effect) or a date-time; null when blank. */
    OffsetDateTime instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() == 10) {
            return LocalDate.parse(value).atStartOfDay(config.zone()).toOffsetDateTime();
        }
        return OffsetDateTime.parse(value);
    }
}
