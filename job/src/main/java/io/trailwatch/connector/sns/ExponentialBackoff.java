package io.trailwatch.connector.sns;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The failure count of one sink writer and the waits it leads to ({@link SnsRetryBackoff}). Shared
 * by the writer's concurrent requests, so failures anywhere slow every retry down; called from the
 * SDK's threads, hence synchronized.
 */
final class ExponentialBackoff {

    private final SnsRetryBackoff settings;
    private final DoubleSupplier random;
    private int failuresInARow;

    /**
     * @param random draws from [0, 1); tests pass a fixed sequence
     */
    ExponentialBackoff(SnsRetryBackoff settings, DoubleSupplier random) {
        this.settings = settings;
        this.random = random;
    }

    /** Counts a failure and returns how long to wait before sending its entries again. */
    synchronized Duration nextDelay() {
        if (failuresInARow < Integer.MAX_VALUE) {
            failuresInARow++;
        }
        long ceiling = settings.ceilingMillis(failuresInARow);
        long minimum = settings.minimumMillis(failuresInARow);
        long jitter = (long) (random.getAsDouble() * (ceiling - minimum + 1));
        return Duration.ofMillis(Math.min(ceiling, minimum + jitter));
    }

    /** A request went through: the next failure starts from the initial delay again. */
    synchronized void reset() {
        failuresInARow = 0;
    }

    synchronized int failuresInARow() {
        return failuresInARow;
    }
}
