package iq.gov.bcc.platform.ratelimit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/** One token bucket per client, forgotten once it has refilled so that the map stays small. */
@ApplicationScoped
public class ClientRateLimiter {

    /** Above this many buckets, full ones are dropped: a full bucket is the same as no bucket. */
    private static final int SWEEP_ABOVE = 10_000;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final RateLimitConfig config;
    private final LongSupplier clock;

    @Inject
    ClientRateLimiter(RateLimitConfig config) {
        this(config, System::nanoTime);
    }

    ClientRateLimiter(RateLimitConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Counts a call of {@code client}: empty when it may go ahead, else how long it must wait. */
    public Duration acquire(String client) {
        long now = clock.getAsLong();
        if (buckets.size() > SWEEP_ABOVE) {
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        TokenBucket bucket = buckets.computeIfAbsent(client,
                c -> new TokenBucket(Math.max(1, config.burst()), config.perSecond(), now));
        return Duration.ofNanos(bucket.take(now));
    }
}
