package iq.gov.bcc.platform.ratelimit;

/**
 * A token bucket: holds at most {@code capacity} tokens, gains {@code perSecond} a second, and each
 * call takes one. Time is passed in (nanoseconds, monotonic) so that it can be tested without waiting.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updatedAt;

    TokenBucket(double capacity, double perSecond, long now) {
        this.capacity = capacity;
        this.perNano = perSecond / 1_000_000_000d;
        this.tokens = capacity;
        this.updatedAt = now;
    }

    /** Takes a token and answers 0, or answers how many nanoseconds until one is there. */
    synchronized long take(long now) {
        refill(now);
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / perNano);
    }

    /** Whether the bucket has refilled completely, so forgetting it changes nothing. */
    synchronized boolean isFull(long now) {
        refill(now);
        return tokens >= capacity;
    }

    private void refill(long now) {
        if (now > updatedAt) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * perNano);
            updatedAt = now;
        }
    }
}
