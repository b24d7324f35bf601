package iq.gov.bcc.audit;

import static iq.gov.bcc.audit.Events.ASSESSMENTS;
import static iq.gov.bcc.audit.Events.DECLARATIONS;
import static iq.gov.bcc.audit.Events.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Topics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sweep's choice of candidates: what the time-based rules decline must not keep the others from being raised. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class TimeSweepTest {

    /** More than the sweep reads in one page (1,000). */
    static final int SHORT_WITHIN_PERCENT = 1_050;

    @Test
    void releasesShortWithinThePercentageToleranceDoNotStarveAnUnpaidRelease() throws Exception {
        // Duty 10,000,000 IQD, paid 9,990,000: short by 10,000, beyond the 1,000 IQD tolerance but within 0.5 %
        // (50,000), so neither UNDERPAYMENT nor UNPAID_RELEASE. Their ids sort before the unpaid release's.
        List<String> filed = new ArrayList<>();
        List<String> assessed = new ArrayList<>();
        List<String> paid = new ArrayList<>();
        List<String> released = new ArrayList<>();
        List<UUID> shortIds = new ArrayList<>();
        for (int i = 0; i < SHORT_WITHIN_PERCENT; i++) {
            Events.Declaration d = new Events.Declaration(
                    UUID.fromString(String.format("00000000-0000-4000-8000-%012x", (long) i + 1)));
            lodgedLongAgo(d);
            shortIds.add(d.id);
            filed.add(d.filed());
            assessed.add(d.assessed(1, "66666667.000", "10000000.000", null));
            paid.add(d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "9990000.000", "IQD", true,
                    d.lodgedAt.plusHours(1)));
            released.add(d.released(1, d.lodgedAt.plusHours(2)));
        }
        // one key for the lot: the audit service reads the declaration from the event, and one producer is quick
        Topics.writeAll(DECLARATIONS, "sweep-starvation", filed);
        Topics.writeAll(ASSESSMENTS, "sweep-starvation", assessed);
        Topics.writeAll(PAYMENTS, "sweep-starvation", paid);
        Topics.writeAll(DECLARATIONS, "sweep-starvation", released);
        Audit.awaitFacts(shortIds.get(shortIds.size() - 1), 4);
        await(shortIds);

        Events.Declaration unpaid = new Events.Declaration(UUID.fromString("ffffffff-ffff-4fff-bfff-"
                + UUID.randomUUID().toString().substring(24)));
        lodgedLongAgo(unpaid);
        unpaid.file();
        unpaid.write(ASSESSMENTS, unpaid.assessed(1, "17292000.000", "2593800.000", null));
        unpaid.write(DECLARATIONS, unpaid.released(1, unpaid.lodgedAt.plusHours(2)));

        Map<String, Object> raised = Audit.awaitStatus(unpaid.id, "UNPAID_RELEASE", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("2593800.000");
        assertThat(Audit.discrepancy(shortIds.get(0), "UNPAID_RELEASE")).isEmpty();
        assertThat(Audit.discrepancy(shortIds.get(0), "UNDERPAYMENT")).isEmpty();
    }

    /**
     * Lodged in a year no other test looks at, at noon in Baghdad, with an origin of its own so that these
     * lines make a unit-value window of their own.
     */
    private static void lodgedLongAgo(Events.Declaration d) {
        d.lodgedAt = java.time.OffsetDateTime.parse("2012-03-14T09:00:00Z");
        d.origin = "XS";
    }

    /** Waits until every one of these declarations has its four facts in the correlation store. */
    private static void await(List<UUID> ids) throws Exception {
        org.awaitility.Awaitility.await().atMost(Audit.PATIENCE).until(() -> {
            try (Connection db = LedgerTest.database(); PreparedStatement count = db.prepareStatement(
                    "SELECT count(*) FROM declaration_state WHERE declaration_id = ANY (?) AND released_at IS NOT NULL "
                            + "AND duty_iqd IS NOT NULL AND paid_iqd > 0")) {
                count.setArray(1, db.createArrayOf("uuid", ids.toArray()));
                ResultSet row = count.executeQuery();
                row.next();
                return row.getInt(1) == ids.size();
            }
        });
    }
}
