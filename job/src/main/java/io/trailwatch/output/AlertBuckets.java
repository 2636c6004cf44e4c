package io.trailwatch.output;

import io.trailwatch.alert.Alert;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * {@code dt=…/hour=…} by the alert's first event time, not its detection time: the partition then
 * says when the activity happened, as the aggregates' partitions do, and a re-run over the same
 * logs writes each alert to the same partition (detection time is the wall clock of the run).
 */
final class AlertBuckets implements BucketAssigner<Alert, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(Alert alert, Context context) {
        return HourPartition.of(alert.firstEventTimeMillis);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
