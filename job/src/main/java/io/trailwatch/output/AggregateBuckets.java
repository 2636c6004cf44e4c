package io.trailwatch.output;

import io.trailwatch.aggregate.AggregateRow;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.SimpleVersionedStringSerializer;

/** {@code <granularity>/dt=…/hour=…} by window start, so a window's rows sit in one partition. */
final class AggregateBuckets implements BucketAssigner<AggregateRow, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getBucketId(AggregateRow row, Context context) {
        return row.granularity + '/' + HourPartition.of(row.windowStartMillis);
    }

    @Override
    public SimpleVersionedSerializer<String> getSerializer() {
        return SimpleVersionedStringSerializer.INSTANCE;
    }
}
