package iq.gov.bcc.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReliabilityRecordTest {

    private final ReliabilityRecord record = new ReliabilityRecord("kafka-outage-end-to-end", "system-faults",
            "system", "Kafka stopped 60 s while 22 crossings post; \"quotes\", back\\slash, العربية\nnew line",
            1200, 1198, 1198, 0, "2 answered 503 | retried");

    @Test
    void whatIsWrittenReadsBackTheSame() {
        assertThat(ReliabilityRecord.parse(record.toJson())).isEqualTo(record);
    }

    @Test
    void idsAreFileNameSafe() {
        assertThatThrownBy(() -> new ReliabilityRecord("../etc/passwd", "x", "x", "x", 0, 0, 0, 0, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theReportFillsEachMarkedSectionWithItsGroupAndKeepsTheProse() {
        String document = """
                # Reliability
                <!-- reliability:generated -->
                old
                <!-- /reliability:generated -->
                Prose stays.
                <!-- reliability:system-faults -->
                old table
                <!-- /reliability:system-faults -->
                <!-- reliability:security -->
                <!-- /reliability:security -->
                """;
        String rendered = ReliabilityReport.render(document, List.of(record), LocalDate.of(2026, 11, 21));
        assertThat(rendered).contains("Prose stays.").contains("Tables regenerated on 2026-11-21")
                .contains("| `kafka-outage-end-to-end` | system | ")
                .contains("| 1200 | 1198 | 1198 | 0 | 2 answered 503 \\| retried |")
                .contains("_No record yet").doesNotContain("old table");
        assertThat(ReliabilityReport.render(rendered, List.of(record), LocalDate.of(2026, 11, 21))).isEqualTo(rendered);
    }
}
