package io.trailwatch.output;

import io.trailwatch.aggregate.ActivityAggregates;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Where and how {@link OutputFiles} writes.
 *
 * @param basePath any Flink file system path: {@code s3://bucket/prefix} (with an S3 file system
 *     plugin) or {@code file:///dir}; aggregates, alerts and late records go below it
 * @param windowSizes one aggregate window size per granularity; {@link
 *     ActivityAggregates#DEFAULT_WINDOW_SIZES} by default (a minute and an hour)
 * @param rolling when part files are closed
 */
public record OutputSettings(String basePath, List<Duration> windowSizes, RollingSettings rolling)
        implements Serializable {

    public OutputSettings {
        if (basePath == null || basePath.isBlank()) {
            throw new IllegalArgumentException(
                    "output base path is empty: give s3://bucket/prefix or file:///directory");
        }
        windowSizes = List.copyOf(windowSizes);
        ActivityAggregates.granularities(windowSizes); // refuses unusable sizes now, not at run
        if (rolling == null) {
            throw new IllegalArgumentException("output rolling settings are missing");
        }
    }

    /** Default window sizes (minute, hour) and rolling below {@code basePath}. */
    public static OutputSettings at(String basePath) {
        return new OutputSettings(
                basePath, ActivityAggregates.DEFAULT_WINDOW_SIZES, RollingSettings.defaults());
    }

    public OutputSettings withWindowSizes(List<Duration> sizes) {
        return new OutputSettings(basePath, sizes, rolling);
    }

    public OutputSettings withRolling(RollingSettings settings) {
        return new OutputSettings(basePath, windowSizes, settings);
    }
}
