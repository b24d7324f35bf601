package iq.gov.bcc.audit;

import static iq.gov.bcc.audit.Events.ASSESSMENTS;
import static iq.gov.bcc.audit.Events.DECLARATIONS;
import static iq.gov.bcc.audit.Events.PAYMENTS;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Yesterday at six crossings, and the same day a year earlier, written onto the real topics: clean declarations,
 * short payments, an unpaid release, and the README's night release of underweighed, underpaid steel at
 * Al-Shalamcha. Enough for the console's charts, map and case list to have something true to show. It keeps off
 * SFW and PWZ, whose scorecards QueriesTest counts exactly.
 */
final class SimulatedDay {

    /** The README's story: filed, assessed at 2,593,800 IQD, weighed at 29 t, 1,000,000 IQD paid, released at 23:30. */
    final Events.Declaration nightRelease;
    final List<Events.Declaration> all = new ArrayList<>();

    private SimulatedDay() {
        nightRelease = declaration("SHL", "2593800.000", "1000000.000", 0);
        nightRelease.write(DECLARATIONS, nightRelease.weighed(29000, nightRelease.lodgedAt.plusMinutes(10)));
        // 20:30 UTC is 23:30 in Baghdad: off hours, and nobody inspected.
        nightRelease.write(DECLARATIONS, nightRelease.released(1, Events.daytime().truncatedTo(ChronoUnit.DAYS)
                .plusHours(20).plusMinutes(30)));

        cleared(declaration("SHL", "3144000.000", "3144000.000", 0));
        cleared(declaration("IKH", "5240000.000", "5240000.000", 0));
        cleared(declaration("IKH", "5240000.000", "5240000.000", 0));
        cleared(declaration("IKH", "7860000.000", "3000000.000", 0));
        cleared(declaration("TRB", "1965000.000", "1965000.000", 0));
        cleared(declaration("MND", "1310000.000", "1310000.000", 0));
        cleared(declaration("QAM", "4585000.000", "4000000.000", 0));
        Events.Declaration unpaid = declaration("ARR", "2620000.000", null, 0);
        unpaid.write(DECLARATIONS, unpaid.released(1, Events.daytime().plusHours(1)));

        declaration("SHL", "2000000.000", "2000000.000", 1);
        declaration("IKH", "9000000.000", "8500000.000", 1);
        declaration("TRB", "1500000.000", "1500000.000", 1);
        declaration("ARR", "2000000.000", "2000000.000", 1);
    }

    static SimulatedDay publish() {
        SimulatedDay day = new SimulatedDay();
        day.all.forEach(d -> Audit.awaitFacts(d.id, 1));
        Audit.awaitStatus(day.nightRelease.id, "UNDERPAYMENT", "OPEN");
        return day;
    }

    /** Filed, assessed and (when paid is given) paid, yearsBack years before yesterday. */
    private Events.Declaration declaration(String crossing, String dutyIqd, String paidIqd, int yearsBack) {
        Events.Declaration d = new Events.Declaration().crossing(crossing);
        d.origin = switch (crossing) {
            case "IKH" -> "TR";
            case "QAM" -> "SY";
            case "TRB" -> "JO";
            case "ARR" -> "SA";
            default -> "IR";
        };
        d.lodgedAt = d.lodgedAt.minusYears(yearsBack);
        d.file();
        d.write(ASSESSMENTS, d.assessed(1, "17292000.000", dutyIqd, null));
        if (paidIqd != null) {
            d.write(PAYMENTS, d.payment(UUID.randomUUID(), crossing + "-R-" + UUID.randomUUID().toString().substring(0, 8),
                    paidIqd, "IQD", true, d.lodgedAt.plusMinutes(40)));
        }
        all.add(d);
        return d;
    }

    /** Inspected and released in the middle of a Baghdad working day. */
    private static void cleared(Events.Declaration d) {
        OffsetDateTime inspected = d.lodgedAt.plusHours(1).withOffsetSameInstant(ZoneOffset.UTC);
        d.write(DECLARATIONS, d.inspected("YELLOW", inspected));
        d.write(DECLARATIONS, d.released(1, inspected.plusMinutes(30)));
    }
}
