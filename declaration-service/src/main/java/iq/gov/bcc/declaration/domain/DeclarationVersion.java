package iq.gov.bcc.declaration.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a declaration's content. Written once; the database refuses updates and deletes. */
@Entity
@Table(name = "declaration_version")
public class DeclarationVersion extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "declaration_id") UUID declarationId, @Column(name = "version") int version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

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

    @Column(name = "trader_name", nullable = false)
    public String traderName;

    @Column(name = "vehicle_plate", nullable = false)
    public String vehiclePlate;

    @Column(name = "origin_country", nullable = false)
    public String originCountry;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<DeclaredItem> items;

    public String reason;

    @Column(name = "content_fingerprint", nullable = false)
    public String contentFingerprint;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static DeclarationVersion of(UUID declarationId, int version, DeclarationContent content, String reason,
            String fingerprint, OffsetDateTime recordedAt, String recordedBy) {
        DeclarationVersion v = new DeclarationVersion();
        v.key = new Key(declarationId, version);
        v.direction = content.direction();
        v.exitCrossingCode = content.exitCrossingCode();
        v.transitDeadline = content.transitDeadline();
        v.lodgedAt = content.lodgedAt();
        v.traderTaxId = content.trader().taxId();
        v.traderName = content.trader().name();
        v.vehiclePlate = content.vehiclePlate();
        v.originCountry = content.originCountry();
        v.items = List.copyOf(content.items());
        v.reason = reason;
        v.contentFingerprint = fingerprint;
        v.recordedAt = recordedAt;
        v.recordedBy = recordedBy;
        return v;
    }

    public DeclarationContent content() {
        return new DeclarationContent(direction, exitCrossingCode, transitDeadline, lodgedAt,
                new Trader(traderTaxId, traderName), vehiclePlate, originCountry, items);
    }

    public static DeclarationVersion of(UUID declarationId, int version) {
        return findById(new Key(declarationId, version));
    }

    public static List<DeclarationVersion> history(UUID declarationId) {
        return list("key.declarationId = ?1 order by key.version", declarationId);
    }
}
