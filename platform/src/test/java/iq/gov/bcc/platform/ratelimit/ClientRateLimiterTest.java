package iq.gov.bcc.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ClientRateLimiter limiter(double perSecond, int burst) {
        return new ClientRateLimiter(new RateLimitConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public double perSecond() {
                return perSecond;
            }

            @Override
            public int burst() {
                return burst;
            }
        }, now::get);
    }

    @Test
    void aBurstPassesThenCallsWaitForTheRefill() {
        ClientRateLimiter limiter = limiter(2, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("crossing-shl")).isZero();
        }
        assertThat(limiter.acquire("crossing-shl")).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(limiter.acquire("crossing-shl")).isEqualTo(Duration.ofMillis(1));
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.acquire("crossing-shl")).isZero();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        ClientRateLimiter limiter = limiter(1, 1);
        assertThat(limiter.acquire("crossing-shl")).isZero();
        assertThat(limiter.acquire("crossing-shl")).isPositive();
        assertThat(limiter.acquire("crossing-trb")).isZero();
    }

    @Test
    void anIdleClientGetsNoMoreThanItsBurst() {
        ClientRateLimiter limiter = limiter(100, 2);
        now.addAndGet(Duration.ofHours(1).toNanos());
        assertThat(limiter.acquire("auditor")).isZero();
        assertThat(limiter.acquire("auditor")).isZero();
        assertThat(limiter.acquire("auditor")).isPositive();
    }

    @Test
    void sustainedTrafficAtTheRateIsNeverRefused() {
        ClientRateLimiter limiter = limiter(500, 10);
        for (int i = 0; i < 5_000; i++) {
            now.addAndGet(Duration.ofMillis(2).toNanos());
            assertThat(limiter.acquire("crossing-shl")).as("call %d", i).isZero();
        }
    }
}
