package iq.gov.bcc.audit;

import iq.gov.bcc.audit.config.AuditConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

/** The production defaults of bcc.audit.*, for unit tests of single rules. */
class RulesConfig implements AuditConfig {

    int minSample = 5;

    @Override
    public BigDecimal weightTolerancePercent() {
        return new BigDecimal("2");
    }

    @Override
    public BigDecimal underpaymentToleranceIqd() {
        return new BigDecimal("1000");
    }

    @Override
    public BigDecimal underpaymentTolerancePercent() {
        return new BigDecimal("0.5");
    }

    @Override
    public Duration unpaidReleaseGrace() {
        return Duration.ofHours(24);
    }

    @Override
    public LocalTime offHoursStart() {
        return LocalTime.of(18, 0);
    }

    @Override
    public LocalTime offHoursEnd() {
        return LocalTime.of(6, 0);
    }

    @Override
    public ZoneId zone() {
        return ZoneId.of("Asia/Baghdad");
    }

    @Override
    public BigDecimal outlierThreshold() {
        return new BigDecimal("3.5");
    }

    @Override
    public BigDecimal outlierMaxShareOfMedian() {
        return new BigDecimal("0.75");
    }

    @Override
    public int outlierMinSample() {
        return minSample;
    }

    @Override
    public int outlierWindow() {
        return 500;
    }

    @Override
    public int unitValueCacheRows() {
        return 100_000;
    }

    @Override
    public BigDecimal fourEyesAmountIqd() {
        return new BigDecimal("10000000");
    }

    @Override
    public Duration sweepInterval() {
        return Duration.ofSeconds(60);
    }

    @Override
    public Duration statisticsInterval() {
        return Duration.ofSeconds(5);
    }
}
