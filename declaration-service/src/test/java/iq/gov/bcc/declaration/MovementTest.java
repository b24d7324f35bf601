package iq.gov.bcc.declaration;

import static iq.gov.bcc.declaration.Samples.as;
import static iq.gov.bcc.declaration.Samples.asUser;
import static iq.gov.bcc.declaration.Samples.declaration;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import iq.gov.bcc.localstack.LocalStackTestResource;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "bcc_declaration"))
class MovementTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aWeighbridgeTicketIsRecordedOnceAndARetryIsRecognised() {
        String id = Samples.file(declaration("SHL"));
        Map<String, Object> ticket = Map.of("grossWeightKg", "24410.5", "scaleId", "SHL-WB-02", "weighedAt", Samples.now());
        String weighingId = as("SHL").body(ticket).post("/api/v1/declarations/" + id + "/weighings").then()
                .statusCode(201).header("Location", containsString("/weighings/")).body("grossWeightKg", equalTo(24410.5f))
                .extract().path("id");
        as("SHL").body(ticket).post("/api/v1/declarations/" + id + "/weighings").then().statusCode(200)
                .body("id", equalTo(weighingId));
        as("SHL").body(Map.of("grossWeightKg", "20000", "scaleId", "SHL-WB-02", "weighedAt", ticket.get("weighedAt")))
                .post("/api/v1/declarations/" + id + "/weighings").then().statusCode(409);
        asUser("auditor").get("/api/v1/declarations/" + id + "/weighings/" + weighingId).then().statusCode(200)
                .body("scaleId", equalTo("SHL-WB-02"));
        asUser("auditor").get("/api/v1/declarations/" + id).then().body("weighings", hasSize(1));

        as("SHL").body(Map.of("grossWeightKg", "-1", "scaleId", "SHL-WB-02", "weighedAt", Samples.now()))
                .post("/api/v1/declarations/" + id + "/weighings").then().statusCode(400)
                .body("violations.field", hasItem("grossWeightKg"));
        as("TRB").body(ticket).post("/api/v1/declarations/" + id + "/weighings").then().statusCode(403);
    }

    @Test
    void aReadingTakenAfterTheReleaseIsNotOfTheGoodsButOneTakenBeforeMayComeLate() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        OffsetDateTime releasedAt = OffsetDateTime.parse((String) body.get("lodgedAt")).plusMinutes(60);
        as("SHL").body(Map.of("releasedAt", releasedAt.toString())).post("/api/v1/declarations/" + id + "/release")
                .then().statusCode(200);
        String before = Samples.footprint();
        as("SHL").body(Map.of("grossWeightKg", "24350", "scaleId", "SHL-WB-09", "weighedAt", releasedAt.plusMinutes(1).toString()))
                .post("/api/v1/declarations/" + id + "/weighings").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("after its release"));
        assertThat(Samples.footprint()).isEqualTo(before);
        // an offline weighbridge uploads the reading it took before the release
        as("SHL").body(Map.of("grossWeightKg", "29000", "scaleId", "SHL-WB-01", "weighedAt", releasedAt.minusMinutes(20).toString()))
                .post("/api/v1/declarations/" + id + "/weighings").then().statusCode(201);
    }

    @Test
    void inspectionsAreRecordedWithTheirOutcome() {
        String id = Samples.file(declaration("SHL"));
        Map<String, Object> report = Map.of("channel", "RED", "outcome", "NON_CONFORMING",
                "remarks", "وجدت 3 حزم إضافية", "inspectedAt", Samples.now());
        as("SHL").body(report).post("/api/v1/declarations/" + id + "/inspections").then().statusCode(201)
                .body("outcome", equalTo("NON_CONFORMING")).body("remarks", equalTo("وجدت 3 حزم إضافية"));
        as("SHL").body(report).post("/api/v1/declarations/" + id + "/inspections").then().statusCode(200);
        as("SHL").body(Map.of("channel", "PURPLE", "outcome", "CONFORMS", "inspectedAt", Samples.now()))
                .post("/api/v1/declarations/" + id + "/inspections").then().statusCode(400);
        asUser("auditor").get("/api/v1/declarations/" + id).then().body("inspections[0].channel", equalTo("RED"));
    }

    @Test
    void aDeclarationIsReleasedOnceAndNotBeforeItWasLodged() {
        Map<String, Object> body = declaration("SHL");
        String id = Samples.file(body);
        OffsetDateTime lodged = OffsetDateTime.parse((String) body.get("lodgedAt"));
        as("SHL").body(Map.of("releasedAt", lodged.minusHours(1).toString()))
                .post("/api/v1/declarations/" + id + "/release").then().statusCode(400)
                .body("violations.field", hasItem("releasedAt"));
        OffsetDateTime releasedAt = lodged.plusMinutes(40);
        String recorded = as("SHL").body(Map.of("releasedAt", releasedAt.toString())).post("/api/v1/declarations/" + id + "/release")
                .then().statusCode(200).body("status", equalTo("RELEASED"))
                .body("releasedAt", notNullValue()).body("releaseRecordedAt", notNullValue())
                .body("exitRecordedAt", nullValue()).extract().path("releaseRecordedAt");
        // The crossing lost the answer and sends the same release again, in another offset: nothing new.
        String before = Samples.footprint();
        as("SHL").body(Map.of("releasedAt", releasedAt.atZoneSameInstant(ZoneOffset.UTC).toOffsetDateTime().toString()))
                .post("/api/v1/declarations/" + id + "/release").then().statusCode(200).body("status", equalTo("RELEASED"))
                .body("releaseRecordedAt", equalTo(recorded));
        assertThat(Samples.footprint()).as("no row and no event for a retry").isEqualTo(before);
        as("SHL").body(Map.of("releasedAt", releasedAt.plusSeconds(1).toString())).post("/api/v1/declarations/" + id + "/release")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("RELEASED"));
        as("SHL").body(Map.of("releasedAt", Samples.now()))
                .post("/api/v1/declarations/2b1f2c9e-0000-4000-8000-000000000000/release").then().statusCode(404);
    }

    @Test
    void onlyTheNamedExitCrossingDischargesATransitAfterItsRelease() {
        String id = Samples.file(Samples.transit("SFW", "TRB"));
        Map<String, Object> exit = Map.of("exitedAt", Samples.now());
        as("TRB").body(exit).post("/api/v1/declarations/" + id + "/transit-exit").then().statusCode(409)
                .body("detail", containsString("not been released"));
        OffsetDateTime releasedAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).withNano(0);
        as("SFW").body(Map.of("releasedAt", releasedAt.toString())).post("/api/v1/declarations/" + id + "/release")
                .then().statusCode(200);
        as("TRB").get("/api/v1/declarations/" + id).then().statusCode(200);
        as("ARR").body(exit).post("/api/v1/declarations/" + id + "/transit-exit").then().statusCode(403);
        as("SFW").body(exit).post("/api/v1/declarations/" + id + "/transit-exit").then().statusCode(403);
        Map<String, Object> exited = Map.of("exitedAt", releasedAt.plusMinutes(5).toString());
        String recorded = as("TRB").body(exited).post("/api/v1/declarations/" + id + "/transit-exit")
                .then().statusCode(200).body("status", equalTo("DISCHARGED"))
                .body("exitedAt", notNullValue()).body("exitRecordedAt", notNullValue())
                .body("releaseRecordedAt", notNullValue()).extract().path("exitRecordedAt");
        String before = Samples.footprint();
        as("TRB").body(exited).post("/api/v1/declarations/" + id + "/transit-exit").then().statusCode(200)
                .body("exitRecordedAt", equalTo(recorded));
        assertThat(Samples.footprint()).as("no row and no event for a retry").isEqualTo(before);
        as("SFW").body(exited).post("/api/v1/declarations/" + id + "/transit-exit").then().statusCode(403);
        as("TRB").body(exit).post("/api/v1/declarations/" + id + "/transit-exit").then().statusCode(409);

        String imported = Samples.file(declaration("TRB"));
        as("TRB").body(exit).post("/api/v1/declarations/" + imported + "/transit-exit").then().statusCode(409)
                .body("detail", containsString("not a TRANSIT"));
        // Another crossing is refused before it learns what the declaration is.
        as("ARR").body(exit).post("/api/v1/declarations/" + imported + "/transit-exit").then().statusCode(403)
                .body("detail", not(containsString("TRANSIT")));
    }
}
