package iq.gov.bcc.audit.domain.rules;

import iq.gov.bcc.audit.config.AuditConfig;
import java.time.LocalTime;
import java.time.OffsetDateTime;

/** The off-hours window, which may run over midnight. */
public final class Releases {

    private Releases() {
    }

    public static boolean offHours(OffsetDateTime at, AuditConfig config) {
        LocalTime local = at.atZoneSameInstant(config.zone()).toLocalTime();
        LocalTime start = config.offHoursStart();
        LocalTime end = config.offHoursEnd();
        return start.isAfter(end)
                ? !local.isBefore(start) || local.isBefore(end)
                : !local.isBefore(start) && local.isBefore(end);
    }
}
