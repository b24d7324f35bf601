package iq.gov.bcc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import iq.gov.bcc.audit.service.StoreStatistics;
import iq.gov.bcc.localstack.LocalStackTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * A table the intake reads by key is analysed by the service once it has at least doubled since its last
 * analysis (and by at least 1,000 rows), as in a replay, and is left to autovacuum when it has grown less.
 * The rows are unit values of an HS code and origin no other test uses, removed afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class StoreStatisticsTest {

    private static final String TABLE = "unit_value_observation";

    @Inject
    StoreStatistics statistics;

    @Test
    void aTableIsAnalysedWhenItHasDoubledSinceItsLastAnalysisAndNotBefore() throws Exception {
        try {
            run("ANALYZE " + TABLE);
            long analysed = stat("analyze_count");
            long rows = stat("n_live_tup");
            // Enough to double the table: the service analyses it, by its schedule or by the call here.
            insert(Math.max(1000, rows) + 10);
            awaitStat("n_mod_since_analyze", n -> n >= 1000);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            while (stat("analyze_count") == analysed && Instant.now().isBefore(deadline)) {
                statistics.refresh();
                Thread.sleep(200);
            }
            assertThat(stat("analyze_count")).as("analyses of " + TABLE).isGreaterThan(analysed);
            assertThat(stat("n_mod_since_analyze")).isZero();

            // Now 1,000 rows more are less than the table had at its analysis: no analysis yet.
            long analysedAgain = stat("analyze_count");
            insert(1000);
            awaitStat("n_mod_since_analyze", n -> n >= 1000);
            assertThat(statistics.refresh()).doesNotContain(TABLE);
            assertThat(stat("analyze_count")).isEqualTo(analysedAgain);
        } finally {
            run("DELETE FROM " + TABLE + " WHERE hs6 = '999999' AND origin = 'ZZ'");
        }
    }

    /** Rows from a connection of their own: closing it hands its counts to PostgreSQL's statistics at once. */
    private static void insert(long count) throws Exception {
        try (Connection db = LedgerTest.database(); PreparedStatement insert = db.prepareStatement("INSERT INTO " + TABLE
                + " (declaration_id, line, hs6, origin, value_per_kg, lodged_at) "
                + "SELECT gen_random_uuid(), 1, '999999', 'ZZ', 1, now() FROM generate_series(1, ?)")) {
            insert.setLong(1, count);
            assertThat(insert.executeUpdate()).isEqualTo((int) count);
        }
    }

    private static void run(String sql) throws Exception {
        try (Connection db = LedgerTest.database(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static long stat(String column) throws Exception {
        try (Connection db = LedgerTest.database(); PreparedStatement select = db.prepareStatement(
                "SELECT " + column + " FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ?")) {
            select.setString(1, TABLE);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    private static void awaitStat(String column, LongPredicate done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!done.test(stat(column)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(stat(column)).as(column + " of " + TABLE).matches(done::test);
    }
}
