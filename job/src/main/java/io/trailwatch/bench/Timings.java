package io.trailwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The wall-clock times of the measured iterations of one task, in nanoseconds. */
final class Timings {

    private final List<Long> nanos = new ArrayList<>();

    void add(long elapsedNanos) {
        nanos.add(elapsedNanos);
    }

    int count() {
        return nanos.size();
    }

    /** The median time in seconds: robust to one iteration disturbed by another process. */
    double medianSeconds() {
        List<Long> sorted = sorted();
        int n = sorted.size();
        double median =
                n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return median / 1e9;
    }

    double minSeconds() {
        return sorted().get(0) / 1e9;
    }

    double maxSeconds() {
        return sorted().get(nanos.size() - 1) / 1e9;
    }

    /** (slowest − fastest) / median: how noisy the iterations were. */
    double spread() {
        return (maxSeconds() - minSeconds()) / medianSeconds();
    }

    /** Units of work per second at the median time. */
    double rate(double work) {
        return work / medianSeconds();
    }

    private List<Long> sorted() {
        if (nanos.isEmpty()) {
            throw new IllegalStateException("no iteration was measured");
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return sorted;
    }
}
