package iq.gov.bcc.tariff.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.ZoneId;

/** {@code bcc.tariff.*}: how the tariff service reads time and what it loads at start-up. */
@ConfigMapping(prefix = "bcc.tariff")
public interface TariffConfig {

    /** Validity dates of measures, rates and licences are calendar days in this zone. */
    @WithDefault("Asia/Baghdad")
    ZoneId zone();

    /** Load the shipped HS 2022 nomenclature into an empty commodity table at start-up. */
    @WithDefault("true")
    boolean loadNomenclature();

    /**
     * How long a change committed elsewhere (another replica, SQL) may go unnoticed by this instance's
     * in-memory tariff; changes made through this instance are used at once. 0: checked every assessment.
     */
    @WithName("current.max-staleness")
    @WithDefault("100ms")
    java.time.Duration currentMaxStaleness();
}
