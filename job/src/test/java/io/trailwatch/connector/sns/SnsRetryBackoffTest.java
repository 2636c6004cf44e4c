package io.trailwatch.connector.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class SnsRetryBackoffTest {

    private static final SnsRetryBackoff SETTINGS =
            new SnsRetryBackoff(Duration.ofMillis(100), Duration.ofSeconds(5));

    /** The jitter's lowest and (nearly) highest draws. */
    private static final DoubleSupplier LOWEST = () -> 0.0;

    private static final DoubleSupplier HIGHEST = () -> Math.nextDown(1.0);

    @Test
    void theLowestDrawWaitsHalfTheCeilingWhichDoublesUpToTheCap() {
        ExponentialBackoff backoff = new ExponentialBackoff(SETTINGS, LOWEST);

        assertThat(delaysMillis(backoff, 9))
                .containsExactly(50L, 100L, 200L, 400L, 800L, 1600L, 2500L, 2500L, 2500L);
    }

    @Test
    void theHighestDrawWaitsTheWholeCeiling() {
        ExponentialBackoff backoff = new ExponentialBackoff(SETTINGS, HIGHEST);

        assertThat(delaysMillis(backoff, 8))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L);
    }

    @Test
    void aMiddleDrawLandsInTheUpperHalfOfTheCeiling() {
        ExponentialBackoff backoff = new ExponentialBackoff(SETTINGS, () -> 0.5);

        assertThat(delaysMillis(backoff, 3)).containsExactly(75L, 150L, 300L);
    }

    @Test
    void aSuccessStartsTheNextFailuresFromTheInitialDelay() {
        ExponentialBackoff backoff = new ExponentialBackoff(SETTINGS, LOWEST);
        delaysMillis(backoff, 5);

        backoff.reset();

        assertThat(backoff.failuresInARow()).isZero();
        assertThat(delaysMillis(backoff, 2)).containsExactly(50L, 100L);
    }

    @Test
    void manyFailuresStayAtTheCapWithoutOverflowing() {
        ExponentialBackoff backoff = new ExponentialBackoff(SETTINGS, HIGHEST);

        List<Long> delays = delaysMillis(backoff, 200);

        assertThat(delays.subList(10, 200)).containsOnly(5000L);
    }

    @Test
    void attemptsWithinASpanCountTheGuaranteedMinimumWaits() {
        // minimum waits 50, 100, 200, 400, 800, 1600, 2500, 2500, 2500 ms add up to 10,650 ms:
        // nine retries fit into 12 s, the tenth (at 13,150 ms) does not
        assertThat(SETTINGS.maxAttemptsWithin(Duration.ofSeconds(12))).isEqualTo(10);
        assertThat(SETTINGS.maxAttemptsWithin(Duration.ofMillis(10_650))).isEqualTo(10);
        assertThat(SETTINGS.maxAttemptsWithin(Duration.ofMillis(10_649))).isEqualTo(9);
        assertThat(SETTINGS.maxAttemptsWithin(Duration.ofMillis(49))).isEqualTo(1);
    }

    @Test
    void theDefaultStartsAt100MillisAndCapsAt5Seconds() {
        assertThat(SnsRetryBackoff.DEFAULT).isEqualTo(SETTINGS);
    }

    @Test
    void delaysOutOfRangeAreRejectedWithTheRule() {
        assertThatThrownBy(() -> new SnsRetryBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("initial delay must be at least 1 ms");
        assertThatThrownBy(() -> new SnsRetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("must be at least the initial delay");
        assertThatThrownBy(() -> new SnsRetryBackoff(Duration.ofSeconds(1), Duration.ofMinutes(2)))
                .hasMessageContaining("must be at most PT1M");
    }

    private static List<Long> delaysMillis(ExponentialBackoff backoff, int failures) {
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < failures; i++) {
            delays.add(backoff.nextDelay().toMillis());
        }
        return delays;
    }
}
