package iq.gov.bcc.audit;

import static iq.gov.bcc.audit.Events.ASSESSMENTS;
import static iq.gov.bcc.audit.Events.DECLARATIONS;
import static iq.gov.bcc.audit.Events.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import iq.gov.bcc.localstack.LocalStackTestResource;
import iq.gov.bcc.localstack.Topics;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UNDERPAYMENT, UNPAID_RELEASE, ORPHAN_PAYMENT, DUPLICATE_RECEIPT through real events; arrival order and redelivery. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class PaymentRulesTest {

    @Test
    void underpaymentIsRaisedAndClosedWhenALateReceiptPaysInFull() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1000000.000", "IQD", true, Events.daytime()));

        Map<String, Object> raised = Audit.awaitStatus(d.id, "UNDERPAYMENT", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("1593800.000");
        assertThat(raised.get("crossingCode")).isEqualTo("SHL");
        assertThat(((Map<?, ?>) raised.get("evidence")).get("dutyAssessedIqd")).isEqualTo("2593800.000");

        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1593800.000", "IQD", true,
                Events.daytime().plusHours(1)));
        Map<String, Object> closed = Audit.awaitStatus(d.id, "UNDERPAYMENT", "CLOSED");
        assertThat((String) closed.get("closedReason")).contains("2593800.000");
        assertThat(Audit.discrepancies(d.id, "UNDERPAYMENT")).hasSize(1);
    }

    @Test
    void foreignCurrencyReceiptIsConvertedAtTheAssessmentsRate() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        // 1980 USD * 1310 = 2,593,800 IQD: paid in full
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1980.00", "USD", true, Events.daytime()));
        JsonPath story = Audit.awaitFacts(d.id, 3);
        assertThat(story.getString("paidIqd")).isEqualTo("2593800.000");
        assertThat(story.getString("balanceIqd")).isEqualTo("0.000");
        assertThat(Audit.discrepancy(d.id, "UNDERPAYMENT")).isEmpty();
    }

    @Test
    void receiptInACurrencyWithoutARateCountsOnceTheRateIsPublished() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        String currency = "X" + (char) ('A' + new java.util.Random().nextInt(26)) + (char) ('A' + new java.util.Random().nextInt(26));
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1000.00", currency, true, Events.daytime()));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "UNDERPAYMENT", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("2593800.000");

        publishRate(currency, LocalDate.of(2020, 1, 1), "2593.8000");
        Map<String, Object> closed = Audit.awaitStatus(d.id, "UNDERPAYMENT", "CLOSED");
        assertThat((String) closed.get("closedReason")).contains("paid 2593800.000 of 2593800.000");
    }

    @Test
    void aRateForThePaymentDayPublishedLateConvertsTheReceiptAgain() {
        String currency = "Y" + (char) ('A' + new java.util.Random().nextInt(26)) + (char) ('A' + new java.util.Random().nextInt(26));
        OffsetDateTime paidAt = Events.daytime().minusDays(1);
        LocalDate paymentDay = paidAt.atZoneSameInstant(ZoneId.of("Asia/Baghdad")).toLocalDate();
        publishRate(currency, LocalDate.of(2020, 1, 1), "2000");
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1000.00", currency, true, paidAt));
        await().atMost(Audit.PATIENCE).until(() -> Audit.discrepancy(d.id, "UNDERPAYMENT")
                .map(c -> "593800.000".equals(c.get("amountAtStakeIqd"))).orElse(false));

        // the next day's rate does not apply to a receipt paid the day before it: were it applied, the
        // receipt would overpay and close the case at 9,999,000
        publishRate(currency, paymentDay.plusDays(1), "9999");
        publishRate(currency, paymentDay, "2593.8");
        Map<String, Object> closed = Audit.awaitStatus(d.id, "UNDERPAYMENT", "CLOSED");
        assertThat((String) closed.get("closedReason")).contains("paid 2593800.000 of 2593800.000");
        assertThat(Audit.correlation(d.id).orElseThrow().getString("paidIqd")).isEqualTo("2593800.000");

        // a correction of that day's rate converts it again: short by 93,800 now
        publishRate(currency, paymentDay, "2500");
        await().atMost(Audit.PATIENCE).until(() -> Audit.discrepancy(d.id, "UNDERPAYMENT")
                .map(c -> "OPEN".equals(c.get("status")) && "93800.000".equals(c.get("amountAtStakeIqd"))).orElse(false));
        assertThat(Audit.correlation(d.id).orElseThrow().getString("paidIqd")).isEqualTo("2500000.000");
    }

    @Test
    void aRateCarriedByALateAssessmentDoesNotUndoTheTariffServicesCorrection() {
        String currency = "Z" + (char) ('A' + new java.util.Random().nextInt(26)) + (char) ('A' + new java.util.Random().nextInt(26));
        OffsetDateTime paidAt = Events.daytime().minusDays(1);
        LocalDate paymentDay = paidAt.atZoneSameInstant(ZoneId.of("Asia/Baghdad")).toLocalDate();
        publishRate(currency, paymentDay, "2000");
        publishRate(currency, paymentDay, "2593.8");
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1000.00", currency, true, paidAt));
        await().atMost(Audit.PATIENCE).until(() -> Audit.correlation(d.id)
                .map(c -> "2593800.000".equals(c.getString("paidIqd"))).orElse(false));

        // the tariff service assessed the declaration before its correction; the assessment, carrying the
        // superseded rate, is consumed after it
        String assessed = d.assessed(1, "17292000.000", "2593800.000", null);
        String usd = "\"currency\":\"USD\",\"rateToIqd\":\"1310.0000\",\"validFrom\":\"2026-01-01\"";
        assertThat(assessed).contains(usd);
        d.write(ASSESSMENTS, assessed.replace(usd, "\"currency\":\"" + currency + "\",\"rateToIqd\":\"2000\",\"validFrom\":\""
                + paymentDay + "\""));
        Audit.awaitFacts(d.id, 3);
        assertThat(Audit.correlation(d.id).orElseThrow().getString("paidIqd")).isEqualTo("2593800.000");
        assertThat(Audit.discrepancy(d.id, "UNDERPAYMENT")).isEmpty();
    }

    private static void publishRate(String currency, LocalDate validFrom, String rateToIqd) {
        ObjectNode rate = Events.JSON.createObjectNode();
        rate.put("currency", currency);
        rate.put("rateToIqd", rateToIqd);
        rate.put("validFrom", validFrom.toString());
        Topics.write(Events.TARIFFS, currency, Events.envelope(UUID.randomUUID(), "/bcc/tariff-service",
                "iq.bcc.exchange-rate.published.v1", currency, null, OffsetDateTime.now(ZoneOffset.UTC), rate));
    }

    @Test
    void unpaidReleaseFiresAfterTheGracePeriodAndALateReceiptClosesIt() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        d.write(DECLARATIONS, d.inspected("YELLOW", now.minusSeconds(1)));
        d.write(DECLARATIONS, d.released(1, now));
        Audit.awaitFacts(d.id, 4);
        // inside the 3 s grace nothing is raised yet
        assertThat(Audit.discrepancy(d.id, "UNPAID_RELEASE")).isEmpty();

        Map<String, Object> raised = Audit.awaitStatus(d.id, "UNPAID_RELEASE", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("2593800.000");

        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "2593800.000", "IQD", true, now.plusMinutes(5)));
        Map<String, Object> closed = Audit.awaitStatus(d.id, "UNPAID_RELEASE", "CLOSED");
        assertThat((String) closed.get("closedReason")).contains("paid 2593800.000 of 2593800.000");
    }

    @Test
    void receiptBeforeDeclarationAndAssessmentIsNotAnOrphanAndPaysTheDuty() {
        Events.Declaration d = new Events.Declaration();
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "2593800.000", "IQD", true, Events.daytime()));
        Audit.awaitFacts(d.id, 1);
        d.write(DECLARATIONS, d.released(1, Events.daytime().plusMinutes(10)));
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.file();
        JsonPath story = Audit.awaitFacts(d.id, 4);
        assertThat(story.getBoolean("filed")).isTrue();
        assertThat(story.getString("balanceIqd")).isEqualTo("0.000");
        assertThat(story.getList("discrepancies")).isEmpty();
        // the timeline is in the order things happened at the crossing, not the order they arrived
        assertThat(story.getList("timeline.type", String.class)).containsExactly("iq.bcc.declaration.filed.v1",
                "iq.bcc.assessment.completed.v1", "iq.bcc.payment.recorded.v1", "iq.bcc.declaration.released.v1");
    }

    @Test
    void redeliveredEventHasNoSecondEffect() {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        String payment = d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1000000.000", "IQD", true, Events.daytime());
        d.write(PAYMENTS, payment);
        d.write(PAYMENTS, payment);
        d.write(PAYMENTS, payment);
        // a marker on the same partition after the redeliveries: once it is in, the copies before it were consumed
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "1000.000", "IQD", true, Events.daytime()));
        JsonPath story = Audit.awaitFacts(d.id, 4);
        assertThat(story.getList("timeline")).hasSize(4);
        assertThat(story.getList("receipts")).hasSize(2);
        assertThat(story.getString("paidIqd")).isEqualTo("1001000.000");
        assertThat(Audit.discrepancies(d.id, "UNDERPAYMENT")).hasSize(1);
        assertThat(Audit.discrepancies(d.id, "DUPLICATE_RECEIPT")).isEmpty();
    }

    @Test
    void orphanPaymentIsRaisedAndCuredWhenTheDeclarationArrivesLate() {
        Events.Declaration d = new Events.Declaration();
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "500000.000", "IQD", false, Events.daytime()));
        Map<String, Object> raised = Audit.awaitStatus(d.id, "ORPHAN_PAYMENT", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("500000.000");
        assertThat(raised.get("declarationId")).isEqualTo(d.id.toString());

        d.file();
        Map<String, Object> closed = Audit.awaitStatus(d.id, "ORPHAN_PAYMENT", "CLOSED");
        assertThat((String) closed.get("closedReason")).contains("has since been filed");

        // integrators see both on bcc.discrepancies.v1, keyed by the declaration
        var published = iq.gov.bcc.localstack.Topics.read("bcc.discrepancies.v1", r -> d.id.toString().equals(r.key()), 2,
                java.time.Duration.ofSeconds(60));
        assertThat(published).hasSize(2);
        assertThat(published.get(0).value()).contains("\"type\":\"iq.bcc.discrepancy.raised.v1\"")
                .contains("\"ORPHAN_PAYMENT\"").contains("\"source\":\"/bcc/audit-service\"");
        assertThat(published.get(1).value()).contains("\"type\":\"iq.bcc.discrepancy.closed.v1\"")
                .contains("\"closedReason\"");
    }

    @Test
    void oneReceiptNumberUsedAtTwoCrossingsIsADuplicate() {
        String number = "R-" + UUID.randomUUID();
        Events.Declaration first = new Events.Declaration();
        Events.Declaration second = new Events.Declaration().crossing("MND");
        first.file();
        second.file();
        first.write(PAYMENTS, first.payment(UUID.randomUUID(), number, "700000.000", "IQD", true, Events.daytime()));
        second.write(PAYMENTS, second.payment(UUID.randomUUID(), number, "900000.000", "IQD", true,
                Events.daytime().plusHours(2)));

        Map<String, Object> raised = Audit.awaitStatus(second.id, "DUPLICATE_RECEIPT", "OPEN");
        assertThat(raised.get("amountAtStakeIqd")).isEqualTo("900000.000");
        assertThat(raised.get("crossingCode")).isEqualTo("MND");
        Map<?, ?> firstUse = (Map<?, ?>) ((Map<?, ?>) raised.get("evidence")).get("firstUse");
        assertThat(firstUse.get("crossingCode")).isEqualTo("SHL");
        assertThat(Audit.discrepancy(first.id, "DUPLICATE_RECEIPT")).isEmpty();
    }
}
