package io.trailwatch.bench;

import java.util.Arrays;
import java.util.List;

/**
 * What the {@code latency} section measured: one latency per notification whose alert arrived, and
 * how many notifications got no alert in time.
 *
 * @param latenciesNanos SendMessage to the alert's arrival on the subscribed queue, send order
 * @param missing notifications whose alert did not arrive before the timeout
 * @param notes how the job was set up, printed with the figures
 */
public record LatencySample(List<Long> latenciesNanos, int missing, List<String> notes) {

    public LatencySample {
        latenciesNanos = List.copyOf(latenciesNanos);
        notes = List.copyOf(notes);
    }

    public int count() {
        return latenciesNanos.size();
    }

    /**
     * The nearest-rank percentile in milliseconds: the smallest latency that {@code percent} % of
     * the measurements do not exceed.
     */
    public double percentileMillis(double percent) {
        if (latenciesNanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = latenciesNanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    public double maxMillis() {
        return percentileMillis(100);
    }
}
