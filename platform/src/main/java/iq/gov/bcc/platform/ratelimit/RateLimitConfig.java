package iq.gov.bcc.platform.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code bcc.rate-limit.*} (environment: BCC_RATE_LIMIT_ENABLED, BCC_RATE_LIMIT_PER_SECOND,
 * BCC_RATE_LIMIT_BURST): how many API calls one authenticated client may make. The defaults sit above
 * what one crossing client does in the benchmarks (5,000 assessments/s), so that only a runaway or
 * hostile client meets them; production sets them per deployment.
 */
@ConfigMapping(prefix = "bcc.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Sustained calls per second per client. */
    @WithDefault("10000")
    double perSecond();

    /** Calls a client may make at once after being idle. */
    @WithDefault("20000")
    int burst();
}
