package io.trailwatch.connector.sqs.reader;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceOutput;

/** The records a reader or emitter handed to its task's output, in order; watermarks ignored. */
final class CollectingOutput
        implements ReaderOutput<CloudTrailRecord>, SourceOutput<CloudTrailRecord> {

    final List<CloudTrailRecord> records = new ArrayList<>();

    List<String> eventIds() {
        return records.stream().map(CloudTrailRecord::eventId).toList();
    }

    @Override
    public void collect(CloudTrailRecord record) {
        records.add(record);
    }

    @Override
    public void collect(CloudTrailRecord record, long timestamp) {
        records.add(record);
    }

    @Override
    public void emitWatermark(Watermark watermark) {}

    @Override
    public void markIdle() {}

    @Override
    public void markActive() {}

    @Override
    public SourceOutput<CloudTrailRecord> createOutputForSplit(String splitId) {
        return this;
    }

    @Override
    public void releaseOutputForSplit(String splitId) {}
}
