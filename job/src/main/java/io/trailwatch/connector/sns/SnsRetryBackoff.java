package io.trailwatch.connector.sns;

import java.io.Serializable;
import java.time.Duration;

/**
 * How long the SNS sink waits before sending failed alerts again: exponential backoff with "equal
 * jitter". After the n-th failure in a row the ceiling is {@code initialDelay * 2^(n-1)}, capped at
 * {@code maxDelay}, and the wait is drawn uniformly from the upper half of it, {@code [ceiling / 2,
 * ceiling]}. The lower half is left out on purpose: jitter spreads the writers' retries apart, and
 * the guaranteed minimum wait bounds the requests an outage can cost ({@link #maxAttemptsWithin}).
 * A success resets the count.
 *
 * @param initialDelay the ceiling after the first failure
 * @param maxDelay the highest ceiling of the delay between attempts
 */
public record SnsRetryBackoff(Duration initialDelay, Duration maxDelay) implements Serializable {

    /** Longer waits would leave alerts unsent for minutes after SNS is back. */
    public static final Duration MAX_DELAY_LIMIT = Duration.ofMinutes(1);

    /** 100 ms after the first failure, doubling up to 5 s: a few requests per writer a second. */
    public static final SnsRetryBackoff DEFAULT =
            new SnsRetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    /** Beyond this exponent the ceiling is past any allowed {@code maxDelay} anyway. */
    private static final int MAX_DOUBLINGS = 30;

    /**
     * @throws IllegalArgumentException if a delay is not positive, {@code maxDelay} is below {@code
     *     initialDelay} or above {@link #MAX_DELAY_LIMIT}
     */
    public SnsRetryBackoff {
        if (initialDelay == null || initialDelay.toMillis() < 1) {
            throw new IllegalArgumentException(
                    "SNS retry backoff: the initial delay must be at least 1 ms, was "
                            + initialDelay);
        }
        if (maxDelay == null || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException(
                    "SNS retry backoff: the maximum delay ("
                            + maxDelay
                            + ") must be at least the initial delay ("
                            + initialDelay
                            + ")");
        }
        if (maxDelay.compareTo(MAX_DELAY_LIMIT) > 0) {
            throw new IllegalArgumentException(
                    "SNS retry backoff: the maximum delay must be at most "
                            + MAX_DELAY_LIMIT
                            + " (checkpoints wait for requests in backoff), was "
                            + maxDelay);
        }
    }

    /** The ceiling of the wait after {@code failures} failures in a row (at least 1). */
    long ceilingMillis(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, MAX_DOUBLINGS);
        return Math.min(maxDelay.toMillis(), initialDelay.toMillis() << doublings);
    }

    /** The shortest wait after {@code failures} failures in a row, whatever the jitter draws. */
    long minimumMillis(int failures) {
        long ceiling = ceilingMillis(failures);
        return ceiling - ceiling / 2;
    }

    /**
     * The most times one request slot can send within {@code span} while every attempt fails: the
     * first send, plus one more per guaranteed minimum wait that fits into the span.
     */
    public int maxAttemptsWithin(Duration span) {
        long left = span.toMillis();
        int attempts = 1;
        for (int failures = 1; minimumMillis(failures) <= left; failures++) {
            left -= minimumMillis(failures);
            attempts++;
        }
        return attempts;
    }
}
