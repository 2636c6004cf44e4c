package io.trailwatch.output;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/**
 * {@code dt=…/hour=…} by the record's {@code eventTime} (late records always have one: records
 * without it never reach a window).
 */
final class LateRecordBuckets implements BucketAssigner<CloudTrailRecord, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(CloudTrailRecord record, Context context) {
        long time =
                record.hasValidEventTime()
                        ? record.eventTimeMillis()
                        : context.currentProcessingTime();
        return HourPartition.of(time);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
