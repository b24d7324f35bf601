package iq.gov.bcc.audit.service;

import static iq.gov.bcc.platform.event.EventCatalog.ASSESSMENT_COMPLETED;
import static iq.gov.bcc.platform.event.EventCatalog.DECLARATION_FILED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import iq.gov.bcc.audit.domain.DeclarationStory;
import iq.gov.bcc.audit.service.ReferenceStore.Observation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A declaration's unit-value observations are what the store will hold, so that the windows kept in
 * memory (and carried between batches) never drift from the table: lodgement to the microsecond, and
 * the first of a line number that an assessment gives twice.
 */
class ObservationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aLodgementIsKeptToTheMicrosecondAndALineNumberOnce() throws Exception {
        UUID id = UUID.randomUUID();
        DeclarationStory story = new DeclarationStory(id, List.of(
                new DeclarationStory.Fact(DECLARATION_FILED, JSON.readTree("""
                        {"version": 1, "originCountry": "IR", "lodgedAt": "2026-11-30T21:15:04.123456789+03:00"}""")),
                new DeclarationStory.Fact(ASSESSMENT_COMPLETED, JSON.readTree("""
                        {"declarationVersion": 1, "assessedAt": "2026-11-30T18:20:00Z", "items": [
                          {"line": 1, "hsCode": "72142000", "netWeightKg": "1000", "customsValueIqd": "900000"},
                          {"line": 1, "hsCode": "39011000", "netWeightKg": "10", "customsValueIqd": "5"},
                          {"line": 2, "hsCode": "39011000", "netWeightKg": "500", "customsValueIqd": "750000"}
                        ]}"""))), List.of());

        List<Observation> observations = new ReferenceStore(null, null).observationsOf(story);

        assertThat(observations).extracting(Observation::line).containsExactly(1, 2);
        assertThat(observations.get(0).hs6()).isEqualTo("721420");
        assertThat(observations.get(0).lodgedAt()).isEqualTo(Instant.parse("2026-11-30T18:15:04.123457Z"));
    }

    @Test
    void storedPrecisionRoundsHalfUpToTheMicrosecond() {
        assertThat(ReferenceStore.storedPrecision(Instant.parse("2026-11-30T18:15:04.000000499Z")))
                .isEqualTo(Instant.parse("2026-11-30T18:15:04Z"));
        assertThat(ReferenceStore.storedPrecision(Instant.parse("2026-11-30T18:15:04.999999500Z")))
                .isEqualTo(Instant.parse("2026-11-30T18:15:05Z"));
        assertThat(ReferenceStore.storedPrecision(Instant.parse("2026-11-30T18:15:04.123456Z")))
                .isEqualTo(Instant.parse("2026-11-30T18:15:04.123456Z"));
    }
}
