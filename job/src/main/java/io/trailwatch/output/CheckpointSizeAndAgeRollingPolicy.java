package io.trailwatch.output;

import java.io.IOException;
import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.CheckpointRollingPolicy;

/**
 * For the bulk (gzip) output: a part file closes at every checkpoint, as bulk formats must, and
 * also once it reaches the size limit or the rollover interval.
 */
final class CheckpointSizeAndAgeRollingPolicy<T> extends CheckpointRollingPolicy<T, String> {

    private static final long serialVersionUID = 1L;

    private final RollingSettings settings;

    CheckpointSizeAndAgeRollingPolicy(RollingSettings settings) {
        this.settings = settings;
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<String> partFile, T element) throws IOException {
        return partFile.getSize() >= settings.maxPartSizeBytes();
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<String> partFile, long now) {
        return now - partFile.getCreationTime() >= settings.rolloverInterval().toMillis();
    }
}
