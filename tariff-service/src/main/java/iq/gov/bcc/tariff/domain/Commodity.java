package iq.gov.bcc.tariff.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A nomenclature code: HS 2022 chapter (2), heading (4), subheading (6) or a national line (8-10). */
@Entity
@Table(name = "commodity")
public class Commodity extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public short level;

    public String parent;

    public String section;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public boolean national;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
