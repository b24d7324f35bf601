package iq.gov.bcc.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What the sweep, the revenue view and the scorecards need to know of one declaration, derived from its facts. */
@Entity
@Table(name = "declaration_state")
public class DeclarationState extends PanacheEntityBase {

    @Id
    @Column(name = "declaration_id")
    public UUID declarationId;

    @Column(name = "crossing_code")
    public String crossingCode;

    @Column(nullable = false)
    public boolean filed;

    public String direction;

    public String reference;

    @Column(name = "lodged_at")
    public OffsetDateTime lodgedAt;

    @Column(name = "latest_version")
    public Integer latestVersion;

    public String lane;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;

    /** When the release was recorded; the unpaid-release grace runs from the later of this and {@link #releasedAt}. */
    @Column(name = "release_recorded_at")
    public OffsetDateTime releaseRecordedAt;

    @Column(name = "released_off_hours", nullable = false)
    public boolean releasedOffHours;

    @Column(name = "transit_deadline")
    public OffsetDateTime transitDeadline;

    /** The exit crossing the transit names. */
    @Column(name = "exit_crossing_code")
    public String exitCrossingCode;

    @Column(name = "transit_exited_at")
    public OffsetDateTime transitExitedAt;

    /** Where the goods actually exited. */
    @Column(name = "transit_exited_at_crossing")
    public String transitExitedAtCrossing;

    /** Duty assessed for the latest version; null until assessed. */
    @Column(name = "duty_iqd", precision = 21, scale = 3)
    public BigDecimal dutyIqd;

    /** Receipts converted to IQD. */
    @Column(name = "paid_iqd", nullable = false, precision = 21, scale = 3)
    public BigDecimal paidIqd;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** Everything derived from the facts, compared by value: times as instants, amounts without trailing zeros. */
    public record Derived(String crossingCode, boolean filed, String direction, String reference, Instant lodgedAt,
            Integer latestVersion, String lane, Instant releasedAt, Instant releaseRecordedAt, boolean releasedOffHours,
            Instant transitDeadline, String exitCrossingCode, Instant transitExitedAt, String transitExitedAtCrossing,
            BigDecimal dutyIqd, BigDecimal paidIqd) {
    }

    public Derived derived() {
        return new Derived(crossingCode, filed, direction, reference, instant(lodgedAt), latestVersion, lane,
                instant(releasedAt), instant(releaseRecordedAt), releasedOffHours, instant(transitDeadline), exitCrossingCode,
                instant(transitExitedAt), transitExitedAtCrossing, value(dutyIqd), value(paidIqd));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static BigDecimal value(BigDecimal amount) {
        return amount == null ? null : amount.stripTrailingZeros();
    }
}
