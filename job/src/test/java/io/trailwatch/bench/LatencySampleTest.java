package io.trailwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatencySampleTest {

    private static final long MILLI = 1_000_000L;

    /** 1 ms, 2 ms, …, 100 ms, in shuffled send order. */
    private static final List<Long> ONE_TO_HUNDRED_MILLIS =
            LongStream.rangeClosed(1, 100)
                    .map(i -> (i * 37) % 100 + 1)
                    .map(ms -> ms * MILLI)
                    .boxed()
                    .toList();

    @Test
    void percentilesAreNearestRankOverTheMeasurements() {
        LatencySample sample = new LatencySample(ONE_TO_HUNDRED_MILLIS, 0, List.of());

        assertThat(sample.count()).isEqualTo(100);
        assertThat(sample.percentileMillis(50)).isEqualTo(50.0);
        assertThat(sample.percentileMillis(90)).isEqualTo(90.0);
        assertThat(sample.percentileMillis(99)).isEqualTo(99.0);
        assertThat(sample.maxMillis()).isEqualTo(100.0);
    }

    @Test
    void aFewMeasurementsPutTheSlowestAtTheHighPercentiles() {
        LatencySample sample =
                new LatencySample(List.of(300 * MILLI, 100 * MILLI, 200 * MILLI), 1, List.of());

        assertThat(sample.percentileMillis(50)).isEqualTo(200.0);
        assertThat(sample.percentileMillis(99)).isEqualTo(300.0);
        assertThat(sample.missing()).isEqualTo(1);
    }

    @Test
    void noMeasurementsHaveNoPercentiles() {
        assertThat(new LatencySample(List.of(), 5, List.of()).percentileMillis(50)).isNaN();
    }
}
