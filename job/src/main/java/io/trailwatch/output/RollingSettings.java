package io.trailwatch.output;

import java.io.Serializable;
import java.time.Duration;

/**
 * When a part file is closed and a new one started. Files are also always closed at checkpoints
 * (exactly-once: a file becomes visible only once the checkpoint that covers it completes) and at
 * the end of a bounded run.
 *
 * @param maxPartSizeBytes close a part file once it holds this many bytes
 * @param rolloverInterval close a part file once it has been open this long
 * @param inactivityInterval close a part file that has had nothing written for this long (plain
 *     JSON Lines outputs; the gzip aggregates close at every checkpoint anyway)
 */
public record RollingSettings(
        long maxPartSizeBytes, Duration rolloverInterval, Duration inactivityInterval)
        implements Serializable {

    public RollingSettings {
        if (maxPartSizeBytes <= 0) {
            throw new IllegalArgumentException(
                    "output rolling: max part size must be positive, got " + maxPartSizeBytes);
        }
        requirePositive("rollover interval", rolloverInterval);
        requirePositive("inactivity interval", inactivityInterval);
    }

    public static RollingSettings defaults() {
        return new RollingSettings(
                128L * 1024 * 1024, Duration.ofMinutes(15), Duration.ofMinutes(5));
    }

    private static void requirePositive(String what, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(
                    "output rolling: " + what + " must be a positive duration, got " + duration);
        }
    }
}
