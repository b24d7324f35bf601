package iq.gov.bcc.audit;

import static iq.gov.bcc.audit.Events.ASSESSMENTS;
import static iq.gov.bcc.audit.Events.DECLARATIONS;
import static iq.gov.bcc.audit.Events.PAYMENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import iq.gov.bcc.localstack.LocalStackTestResource;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Decisions, their history, and the four-eyes rule on large dismissals (threshold 1,000,000 IQD in tests). */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_audit"))
class DecisionsTest {

    /** An open UNDERPAYMENT case with this shortfall. */
    static String underpayment(String dutyIqd, String paidIqd) {
        Events.Declaration d = new Events.Declaration();
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", dutyIqd, null));
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), paidIqd, "IQD", true, Events.daytime()));
        return (String) Audit.awaitStatus(d.id, "UNDERPAYMENT", "OPEN").get("id");
    }

    static io.restassured.response.Response decide(String user, String id, String decision, String reason) {
        return Audit.as(user).contentType("application/json")
                .body(Map.of("decision", decision, "reason", reason))
                .post("/api/v1/discrepancies/{id}/decisions", id);
    }

    @Test
    void largeDismissalWaitsForASecondDifferentSeniorAuditor() {
        String id = underpayment("2593800.000", "100000.000"); // 2,493,800 at stake > 1,000,000

        decide("auditor", id, "REVIEW", "pulling the receipts book").then().statusCode(201)
                .header("Location", startsWith("http")).body("status", equalTo("UNDER_REVIEW"));
        decide("auditor", id, "DISMISS", "paid at the bank, copy on file").then().statusCode(201)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("fourEyes.required", equalTo(true))
                .body("fourEyes.pending", equalTo(true))
                .body("fourEyes.firstDismissedBy", equalTo("auditor"))
                .body("decisions[1].effect", equalTo("AWAITING_SECOND_SENIOR"));

        // the same person cannot be the second pair of eyes; a plain auditor cannot either
        decide("auditor", id, "DISMISS", "again").then().statusCode(409)
                .contentType("application/problem+json");
        decide("auditor2", id, "DISMISS", "agree").then().statusCode(403)
                .contentType("application/problem+json");
        Audit.as("auditor").get("/api/v1/discrepancies/{id}", id).then().statusCode(200)
                .body("status", equalTo("UNDER_REVIEW")).body("decisions", hasSize(2));

        decide("senior", id, "DISMISS", "bank statement confirms payment").then().statusCode(201)
                .body("status", equalTo("DISMISSED"))
                .body("fourEyes.pending", equalTo(false))
                .body("decisions", hasSize(3))
                .body("decisions[2].decidedBy", equalTo("senior"))
                .body("decisions[2].effect", equalTo("APPLIED"));

        // final: no more decisions
        decide("senior2", id, "CONFIRM", "changed my mind").then().statusCode(409)
                .contentType("application/problem+json");

        // both dismissals are published for other agencies, the second with its effect
        var decided = iq.gov.bcc.localstack.Topics.read("bcc.discrepancies.v1",
                r -> r.value().contains("iq.bcc.discrepancy.decided.v1") && r.value().contains(id), 3,
                java.time.Duration.ofSeconds(60));
        assertThat(decided).hasSize(3);
        assertThat(decided.get(2).value()).contains("\"decidedBy\":\"senior\"").contains("\"status\":\"DISMISSED\"");
    }

    @Test
    void firstDismissalBySeniorStillNeedsADifferentSenior() {
        String id = underpayment("2593800.000", "100000.000");
        decide("senior", id, "DISMISS", "receipt found").then().statusCode(201).body("status", equalTo("UNDER_REVIEW"));
        decide("senior", id, "DISMISS", "receipt found, really").then().statusCode(409);
        decide("senior2", id, "DISMISS", "agreed").then().statusCode(201).body("status", equalTo("DISMISSED"));
    }

    /** 2,493,800 IQD short, above the four-eyes threshold, dismissed once by "auditor": the dismissal waits. */
    private static String dismissedOnceAtAnUnderpayment(Events.Declaration d) {
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", "2593800.000", null));
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "100000.000", "IQD", true, Events.daytime()));
        String id = (String) Audit.awaitStatus(d.id, "UNDERPAYMENT", "OPEN").get("id");
        decide("auditor", id, "DISMISS", "paid at the bank, copy on file").then().statusCode(201)
                .body("fourEyes.pending", equalTo(true)).body("fourEyes.firstDismissedBy", equalTo("auditor"));
        return id;
    }

    @Test
    void aPendingDismissalLapsesWhenTheCaseIsCuredAndDoesNotSurviveItsReopening() {
        Events.Declaration d = new Events.Declaration();
        String id = dismissedOnceAtAnUnderpayment(d);

        // a late receipt pays the rest: the case is cured, and the dismissal waiting for a second senior lapses
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "2493800.000", "IQD", true,
                Events.daytime().plusHours(1)));
        Map<String, Object> closed = Audit.awaitStatus(d.id, "UNDERPAYMENT", "CLOSED");
        assertThat((String) closed.get("closedReason"))
                .contains("the dismissal by auditor awaiting a second senior auditor lapsed");
        Audit.as("auditor").get("/api/v1/discrepancies/{id}", id).then().statusCode(200)
                .body("fourEyes.pending", equalTo(false)).body("fourEyes.firstDismissedBy", nullValue());

        // an amendment assessed at 5,000,000 IQD reopens it with a new shortfall of 2,406,200
        d.write(DECLARATIONS, d.amended(2, "value corrected"));
        d.write(ASSESSMENTS, d.assessed(2, "33333334.000", "5000000.000", null));
        await().atMost(Audit.PATIENCE).until(() -> Audit.discrepancy(d.id, "UNDERPAYMENT")
                .map(c -> "OPEN".equals(c.get("status")) && "2406200.000".equals(c.get("amountAtStakeIqd"))).orElse(false));
        Audit.as("auditor").get("/api/v1/discrepancies/{id}", id).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("fourEyes.required", equalTo(true))
                .body("fourEyes.pending", equalTo(false))
                .body("fourEyes.firstDismissedBy", nullValue())
                .body("fourEyes.firstReason", nullValue());

        // one senior's dismissal is a first dismissal again, not the second pair of eyes on the lapsed one
        decide("senior", id, "DISMISS", "bank statement confirms payment").then().statusCode(201)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("fourEyes.pending", equalTo(true))
                .body("fourEyes.firstDismissedBy", equalTo("senior"))
                .body("decisions", hasSize(2))
                .body("decisions[1].effect", equalTo("AWAITING_SECOND_SENIOR"));
        decide("senior2", id, "DISMISS", "agreed").then().statusCode(201).body("status", equalTo("DISMISSED"));
    }

    @Test
    void aPendingDismissalLapsesWhenTheAmountAtStakeChanges() {
        Events.Declaration d = new Events.Declaration();
        String id = dismissedOnceAtAnUnderpayment(d);

        // a second receipt changes what is at stake; the waiting dismissal was made on the old amount
        d.write(PAYMENTS, d.payment(UUID.randomUUID(), "R-" + UUID.randomUUID(), "500000.000", "IQD", true,
                Events.daytime().plusHours(1)));
        await().atMost(Audit.PATIENCE).until(() -> Audit.discrepancy(d.id, "UNDERPAYMENT")
                .map(c -> "1993800.000".equals(c.get("amountAtStakeIqd"))).orElse(false));
        Audit.as("auditor").get("/api/v1/discrepancies/{id}", id).then().statusCode(200)
                .body("fourEyes.pending", equalTo(false)).body("fourEyes.firstDismissedBy", nullValue());

        decide("senior", id, "DISMISS", "bank statement confirms payment").then().statusCode(201)
                .body("status", equalTo("UNDER_REVIEW"))
                .body("fourEyes.pending", equalTo(true))
                .body("fourEyes.firstDismissedBy", equalTo("senior"));
    }

    @Test
    void aDismissalMadeUnderTheThresholdNeedsASecondSeniorOnceTheAmountRisesAboveIt() {
        // released at 20:00 Baghdad with no inspection, before the tariff service's assessment arrived
        Events.Declaration large = new Events.Declaration();
        large.file();
        large.write(DECLARATIONS, large.released(1, Events.daytime().plusHours(8)));
        String id = (String) Audit.awaitStatus(large.id, "OFF_HOURS_RELEASE", "OPEN").get("id");
        decide("auditor", id, "DISMISS", "escorted release, no risk").then().statusCode(201)
                .body("status", equalTo("DISMISSED")).body("fourEyes.required", equalTo(false));
        Events.Declaration small = new Events.Declaration();
        small.file();
        small.write(DECLARATIONS, small.released(1, Events.daytime().plusHours(8)));
        String smallId = (String) Audit.awaitStatus(small.id, "OFF_HOURS_RELEASE", "OPEN").get("id");
        decide("auditor", smallId, "DISMISS", "escorted release, no risk").then().statusCode(201)
                .body("status", equalTo("DISMISSED"));

        // the assessments arrive: 2,593,800 at stake is over the 1,000,000 threshold, 500,000 is not
        large.write(ASSESSMENTS, large.assessed(1, "17292000.000", "2593800.000", null));
        small.write(ASSESSMENTS, small.assessed(1, "3333333.000", "500000.000", null));
        await().atMost(Audit.PATIENCE).until(() -> Audit.discrepancy(large.id, "OFF_HOURS_RELEASE")
                .map(c -> "UNDER_REVIEW".equals(c.get("status"))).orElse(false));
        Audit.as("auditor").get("/api/v1/discrepancies/{id}", id).then().statusCode(200)
                .body("amountAtStakeIqd", equalTo("2593800.000"))
                .body("fourEyes.required", equalTo(true)).body("fourEyes.pending", equalTo(true))
                .body("fourEyes.firstDismissedBy", equalTo("auditor"));
        Audit.awaitFacts(small.id, 3);
        Audit.as("auditor").get("/api/v1/discrepancies/{id}", smallId).then().statusCode(200)
                .body("status", equalTo("DISMISSED"));

        decide("auditor", id, "DISMISS", "escorted release, no risk").then().statusCode(409);
        decide("senior", id, "DISMISS", "escort log checked").then().statusCode(201).body("status", equalTo("DISMISSED"));
    }

    @Test
    void smallDismissalTakesEffectAtOnce() {
        String id = underpayment("2593800.000", "2000000.000"); // 593,800 at stake < 1,000,000
        decide("auditor", id, "DISMISS", "rounding of an old tariff").then().statusCode(201)
                .body("status", equalTo("DISMISSED")).body("fourEyes.required", equalTo(false));
    }

    @Test
    void confirmIsFinalAndTheHistoryIsKept() {
        String id = underpayment("2593800.000", "2000000.000");
        decide("auditor", id, "CONFIRM", "trader admits short payment").then().statusCode(201)
                .body("status", equalTo("CONFIRMED"));
        decide("auditor2", id, "REVIEW", "reopen").then().statusCode(409);
        Map<String, Object> view = Audit.as("auditor2").get("/api/v1/discrepancies/{id}", id).then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(view.get("status")).isEqualTo("CONFIRMED");
        assertThat((java.util.List<?>) view.get("decisions")).hasSize(1);
    }

    @Test
    void badDecisionsAreProblemsNamingTheField() {
        String id = underpayment("2593800.000", "2000000.000");
        decide("auditor", id, "FORGIVE", "x").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("decision")).body("violations[0].in", equalTo("body"));
        decide("auditor", id, "CONFIRM", " ").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("reason"));
        decide("auditor", UUID.randomUUID().toString(), "CONFIRM", "x").then().statusCode(404)
                .contentType("application/problem+json");
        decide("auditor", "not-a-uuid", "CONFIRM", "x").then().statusCode(400).body("violations[0].field", equalTo("id")).body("violations[0].in", equalTo("path"));
    }
}
