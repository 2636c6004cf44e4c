package io.trailwatch.bench;

import java.time.Duration;

/**
 * How the {@code latency} section drives the streaming job.
 *
 * @param notifications how many notifications are measured (after the warm-up)
 * @param ratePerSecond notifications sent per second, at a steady pace
 * @param checkpointInterval the job's {@code checkpoint.interval}
 * @param sqsWaitTime the source's long-poll wait, {@code source.sqs.wait-time}
 * @param sinkBufferMillis the job's {@code alerts.sns.max-buffer-time} in milliseconds, or 0 for
 *     that option's default
 * @param alertTimeout how long after the last notification the probe waits for alerts
 */
public record LatencySettings(
        int notifications,
        double ratePerSecond,
        Duration checkpointInterval,
        Duration sqsWaitTime,
        long sinkBufferMillis,
        Duration alertTimeout) {

    public static LatencySettings defaults() {
        return new LatencySettings(
                200, 5.0, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, Duration.ofSeconds(30));
    }

    public LatencySettings withNotifications(int count) {
        return new LatencySettings(
                count,
                ratePerSecond,
                checkpointInterval,
                sqsWaitTime,
                sinkBufferMillis,
                alertTimeout);
    }
}
