package iq.gov.bcc.declaration.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A customs declaration: the aggregate whose versions, movements and receipts make one story. Its
 * declared content lives in {@link DeclarationVersion}s; this row holds identity, lane and lifecycle.
 */
@Entity
@Table(name = "declaration")
public class Declaration extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "crossing_code", nullable = false)
    public String crossingCode;

    @Column(nullable = false)
    public String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeclarationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Lane lane;

    @Column(name = "lane_rule", nullable = false)
    public String laneRule;

    @Column(name = "current_version", nullable = false)
    public int currentVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Direction direction;

    @Column(name = "exit_crossing_code")
    public String exitCrossingCode;

    @Column(name = "transit_deadline")
    public OffsetDateTime transitDeadline;

    @Column(name = "lodged_at", nullable = false)
    public OffsetDateTime lodgedAt;

    @Column(name = "trader_tax_id", nullable = false)
    public String traderTaxId;

    @Column(name = "filing_fingerprint", nullable = false)
    public String filingFingerprint;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;

    @Column(name = "release_recorded_at")
    public OffsetDateTime releaseRecordedAt;

    @Column(name = "exited_at")
    public OffsetDateTime exitedAt;

    @Column(name = "exit_recorded_at")
    public OffsetDateTime exitRecordedAt;

    public static Optional<Declaration> byReference(String crossingCode, String reference) {
        return find("crossingCode = ?1 and reference = ?2", crossingCode, reference).firstResultOptional();
    }

    /** Locks the row so that one declaration's facts, and their events, are recorded one at a time. */
    public static Optional<Declaration> lockById(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** The current version's content becomes what lists and access checks see. */
    public void adopt(int version, DeclarationContent content) {
        currentVersion = version;
        direction = content.direction();
        exitCrossingCode = content.exitCrossingCode();
        transitDeadline = content.transitDeadline();
        lodgedAt = content.lodgedAt();
        traderTaxId = content.trader().taxId();
    }

    public boolean isTransit() {
        return direction == Direction.TRANSIT;
    }
}
