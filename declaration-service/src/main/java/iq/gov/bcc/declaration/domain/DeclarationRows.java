package iq.gov.bcc.declaration.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;

/**
 * Writes a new declaration's row and every version's row with plain JDBC, on the connection the pool
 * gives the caller's transaction; Hibernate maps the same rows for everything else. Filing is the
 * service's busiest write, and Hibernate's persist and flush were a quarter of its CPU (docs/benchmarks.md).
 *
 * <p>The columns are the ones the entities map, which Hibernate validates against the schema at start;
 * DeclarationFilingTest reads every filed field back through Hibernate, AmendmentTest the amended versions.
 */
@ApplicationScoped
public class DeclarationRows {

    private static final String INSERT_DECLARATION = "INSERT INTO declaration (id, crossing_code, reference, status, "
            + "lane, lane_rule, current_version, direction, exit_crossing_code, transit_deadline, lodged_at, "
            + "trader_tax_id, filing_fingerprint, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_VERSION = "INSERT INTO declaration_version (declaration_id, version, direction, "
            + "exit_crossing_code, transit_deadline, lodged_at, trader_tax_id, trader_name, vehicle_plate, "
            + "origin_country, items, reason, content_fingerprint, recorded_at, recorded_by) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?)";

    /** The items column is read by Hibernate's own JSON mapper (application.properties), so written by a plain one. */
    private static final ObjectMapper ITEMS = new ObjectMapper();

    private final AgroalDataSource dataSource;

    DeclarationRows(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * A new declaration and its first version. A declaration already filed under the same crossing and
     * reference fails here with the unique key's SQL state (23505) among the causes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insertFiled(Declaration d, DeclarationVersion first) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_DECLARATION)) {
                insert.setObject(1, d.id);
                insert.setString(2, d.crossingCode);
                insert.setString(3, d.reference);
                insert.setString(4, d.status.name());
                insert.setString(5, d.lane.name());
                insert.setString(6, d.laneRule);
                insert.setInt(7, d.currentVersion);
                insert.setString(8, d.direction.name());
                insert.setString(9, d.exitCrossingCode);
                setTime(insert, 10, d.transitDeadline);
                setTime(insert, 11, d.lodgedAt);
                insert.setString(12, d.traderTaxId);
                insert.setString(13, d.filingFingerprint);
                setTime(insert, 14, d.recordedAt);
                insert.executeUpdate();
            }
            insertVersion(connection, first);
        } catch (SQLException e) {
            throw new PersistenceException("declaration " + d.crossingCode + "/" + d.reference + " cannot be recorded: "
                    + e.getMessage(), e);
        }
    }

    /** A further version of a declaration the caller has locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void insert(DeclarationVersion v) {
        try (Connection connection = dataSource.getConnection()) {
            insertVersion(connection, v);
        } catch (SQLException e) {
            throw new PersistenceException("version " + v.key.version() + " of declaration " + v.key.declarationId()
                    + " cannot be recorded: " + e.getMessage(), e);
        }
    }

    private static void insertVersion(Connection connection, DeclarationVersion v) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_VERSION)) {
            insert.setObject(1, v.key.declarationId());
            insert.setInt(2, v.key.version());
            insert.setString(3, v.direction.name());
            insert.setString(4, v.exitCrossingCode);
            setTime(insert, 5, v.transitDeadline);
            setTime(insert, 6, v.lodgedAt);
            insert.setString(7, v.traderTaxId);
            insert.setString(8, v.traderName);
            insert.setString(9, v.vehiclePlate);
            insert.setString(10, v.originCountry);
            insert.setString(11, itemsJson(v));
            insert.setString(12, v.reason);
            insert.setString(13, v.contentFingerprint);
            setTime(insert, 14, v.recordedAt);
            insert.setString(15, v.recordedBy);
            insert.executeUpdate();
        }
    }

    private static void setTime(PreparedStatement insert, int index, OffsetDateTime time) throws SQLException {
        if (time == null) {
            insert.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setObject(index, time);
        }
    }

    private static String itemsJson(DeclarationVersion v) {
        try {
            return ITEMS.writeValueAsString(v.items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("items of declaration " + v.key.declarationId() + " cannot be serialised", e);
        }
    }
}
