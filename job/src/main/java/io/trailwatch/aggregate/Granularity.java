package io.trailwatch.aggregate;

import java.io.Serializable;
import java.time.Duration;

/**
 * A window size and the name its aggregates are written under ({@code aggregates/<name>/…}): {@code
 * minute}, {@code hour} and {@code day} for those sizes, otherwise the size itself ({@code 5m},
 * {@code 30s}, {@code 6h}).
 */
public record Granularity(String name, Duration size) implements Serializable {

    public static final Granularity MINUTE = of(Duration.ofMinutes(1));
    public static final Granularity HOUR = of(Duration.ofHours(1));

    public Granularity {
        if (size.isNegative() || size.isZero() || size.toMillis() % 1000 != 0) {
            throw new IllegalArgumentException(
                    "aggregate window size must be a positive whole number of seconds, got "
                            + size);
        }
    }

    public static Granularity of(Duration size) {
        return new Granularity(nameOf(size), size);
    }

    private static String nameOf(Duration size) {
        if (size.equals(Duration.ofMinutes(1))) {
            return "minute";
        }
        if (size.equals(Duration.ofHours(1))) {
            return "hour";
        }
        if (size.equals(Duration.ofDays(1))) {
            return "day";
        }
        long seconds = size.getSeconds();
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds % 3_600 == 0) {
            return seconds / 3_600 + "h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** Start of the window (aligned to the epoch, as Flink's tumbling windows are) holding t. */
    public long windowStart(long timestampMillis) {
        long millis = size.toMillis();
        return timestampMillis - Math.floorMod(timestampMillis, millis);
    }

    public long windowEnd(long timestampMillis) {
        return windowStart(timestampMillis) + size.toMillis();
    }
}
