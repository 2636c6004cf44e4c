package io.trailwatch.pipeline;

import java.io.Serializable;
import java.time.Duration;

/**
 * Tuning of the detection pipeline shared by every mode.
 *
 * @param maxOutOfOrderness how far behind the newest event of a delivery stream an event may be and
 *     still count (CloudTrail delivers files about every five minutes, up to ~15 late)
 * @param idleTimeout after this long without events a delivery stream stops holding the watermark
 * @param alertDedupTtl how long an alert id is remembered so a redelivered file raises no second
 *     page
 */
public record PipelineSettings(
        Duration maxOutOfOrderness, Duration idleTimeout, Duration alertDedupTtl)
        implements Serializable {

    public static PipelineSettings defaults() {
        return new PipelineSettings(
                Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofDays(1));
    }
}
