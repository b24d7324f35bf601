package iq.gov.bcc.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Maps the simulated day onto the wall clock: a simulated day takes {@code dayMinutes}, and a step
 * planned for a simulated time waits until its wall-clock moment comes. The timestamps sent are the
 * simulated ones; only the pace is compressed.
 */
public final class SimulatedClock {

    private final Instant simulatedStart;
    private final Instant wallStart;
    private final double wallMillisPerSimulatedSecond;

    public SimulatedClock(Instant simulatedStart, Instant wallStart, double wallMillisPerSimulatedSecond) {
        this.simulatedStart = simulatedStart;
        this.wallStart = wallStart;
        this.wallMillisPerSimulatedSecond = wallMillisPerSimulatedSecond;
    }

    /** The wall-clock moment a simulated time is played at. */
    public Instant wallTimeOf(OffsetDateTime simulated) {
        double seconds = Duration.between(simulatedStart, simulated.toInstant()).toMillis() / 1000.0;
        return wallStart.plusMillis(Math.max(0, Math.round(seconds * wallMillisPerSimulatedSecond)));
    }

    public void waitUntil(OffsetDateTime simulated) throws InterruptedException {
        long millis = Duration.between(Instant.now(), wallTimeOf(simulated)).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }
}
