package iq.gov.bcc.tariff.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import iq.gov.bcc.tariff.config.TariffConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Loads the HS 2022 nomenclature shipped in {@code classpath:hs/} (ODC-PDDL, see hs/README.md) into an
 * empty {@code commodity} table at start-up. Idempotent and safe with several instances starting at once
 * (ON CONFLICT DO NOTHING, one transaction).
 */
@ApplicationScoped
public class NomenclatureLoader {

    private static final Logger LOG = Logger.getLogger(NomenclatureLoader.class);

    private final AgroalDataSource dataSource;
    private final TariffConfig config;

    NomenclatureLoader(AgroalDataSource dataSource, TariffConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    void onStart(@Observes StartupEvent startup) throws SQLException {
        if (!config.loadNomenclature()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            try (ResultSet rs = connection.createStatement()
                    .executeQuery("SELECT count(*) FROM commodity WHERE NOT national")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            connection.setAutoCommit(false);
            try {
                int sections = 0;
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO hs_section (section, name) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                    for (List<String> row : read("hs/sections.csv")) {
                        insert.setString(1, row.get(0));
                        insert.setString(2, row.get(1));
                        insert.addBatch();
                        sections++;
                    }
                    insert.executeBatch();
                }
                int codes = 0;
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO commodity (code, level, parent, section, description, national) "
                                + "VALUES (?, ?, ?, ?, ?, false) ON CONFLICT DO NOTHING")) {
                    for (List<String> row : read("hs/harmonized-system.csv")) {
                        String code = row.get(1);
                        if (!code.matches("[0-9]{2,10}")) {
                            continue;
                        }
                        String parent = row.get(3);
                        insert.setString(1, code);
                        insert.setShort(2, (short) code.length());
                        insert.setString(3, "TOTAL".equals(parent) ? null : parent);
                        insert.setString(4, "TOTAL".equals(row.get(0)) ? null : row.get(0));
                        insert.setString(5, row.get(2));
                        insert.addBatch();
                        if (++codes % 1000 == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
                connection.commit();
                LOG.infof("Loaded HS 2022 nomenclature: %d sections, %d codes", sections, codes);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Rows of a UTF-8 CSV file (RFC 4180 quoting), header skipped. */
    static List<List<String>> read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<List<String>> rows = new ArrayList<>();
            String line = reader.readLine();
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(Csv.parseLine(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
