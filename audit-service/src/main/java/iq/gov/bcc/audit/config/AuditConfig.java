package iq.gov.bcc.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** {@code bcc.audit.*}: the tolerances and thresholds of the discrepancy rules. */
@ConfigMapping(prefix = "bcc.audit")
public interface AuditConfig {

    /** WEIGHT_MISMATCH: allowed difference between weighbridge and declared gross weight, in percent. */
    @WithDefault("2")
    BigDecimal weightTolerancePercent();

    /** UNDERPAYMENT/UNPAID_RELEASE: a shortfall up to this many IQD is tolerated (rounding, fees). */
    @WithDefault("1000")
    BigDecimal underpaymentToleranceIqd();

    /** UNDERPAYMENT/UNPAID_RELEASE: or up to this percentage of the duty, whichever is larger. */
    @WithDefault("0.5")
    BigDecimal underpaymentTolerancePercent();

    /** UNPAID_RELEASE: how long after release the receipts may still arrive. */
    @WithDefault("PT24H")
    Duration unpaidReleaseGrace();

    /** OFF_HOURS_RELEASE: start of the off-hours window, local time of {@link #zone()}. */
    @WithDefault("18:00")
    LocalTime offHoursStart();

    /** OFF_HOURS_RELEASE: end of the off-hours window (exclusive), local time of {@link #zone()}. */
    @WithDefault("06:00")
    LocalTime offHoursEnd();

    /** Zone of the off-hours window and of revenue months. */
    @WithDefault("Asia/Baghdad")
    ZoneId zone();

    /** UNIT_VALUE_OUTLIER: robust z-score below minus this value is an outlier. */
    @WithDefault("3.5")
    BigDecimal outlierThreshold();

    /**
     * UNIT_VALUE_OUTLIER: a line is an outlier only if its value per kg is also at most this share of
     * the median. The z-score alone over-reacts when a small sample happens to have a small MAD; a
     * customs officer does not chase a price a few percent under the usual.
     */
    @WithDefault("0.75")
    BigDecimal outlierMaxShareOfMedian();

    /** UNIT_VALUE_OUTLIER: fewer observations than this for an HS code and origin: no judgement. */
    @WithDefault("20")
    int outlierMinSample();

    /** UNIT_VALUE_OUTLIER: the rolling window, in most recent observations. */
    @WithDefault("500")
    int outlierWindow();

    /**
     * UNIT_VALUE_OUTLIER: at most this many of the newest observations are kept in memory between
     * batches (about 150 bytes each), by HS code and origin, least recently used dropped first.
     */
    @WithDefault("100000")
    int unitValueCacheRows();

    /** A DISMISS of a discrepancy above this amount needs a second, different senior auditor. */
    @WithDefault("10000000")
    BigDecimal fourEyesAmountIqd();

    /** How often the time-based rules are swept. */
    @WithDefault("60s")
    Duration sweepInterval();

    /**
     * How often the statistics of the tables the intake reads are looked at, so that they are analysed
     * while a replay grows them faster than autovacuum looks ({@code StoreStatistics}).
     */
    @WithDefault("5s")
    Duration statisticsInterval();
}
