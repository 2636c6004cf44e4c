package io.trailwatch.aggregate;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Maps each record to one {@link ActivityCount} per {@link Dimension}, before any shuffle, and
 * sends records that are already too late for an aggregate window to {@link
 * ActivityAggregates#LATE_RECORDS} whole, so they can join the pipeline's late-record output.
 *
 * <p>A record is late here when a window it belongs to, at any granularity, has already ended at
 * the current watermark: the same test the window operator applies, made before the shuffle while
 * the full record is still at hand. A record is thus either in the aggregates of every granularity
 * or in the late output, never in some granularities only. Records without a valid {@code
 * eventTime} have no window; they are skipped here (the source reports them as malformed).
 */
final class ToActivityCounts extends ProcessFunction<CloudTrailRecord, ActivityCount> {

    private static final long serialVersionUID = 1L;

    static final String LATE_METRIC = "lateAggregateRecords";

    private final List<Granularity> granularities;
    private final OutputTag<CloudTrailRecord> lateRecords;
    private transient Counter late;

    ToActivityCounts(List<Granularity> granularities, OutputTag<CloudTrailRecord> lateRecords) {
        this.granularities = List.copyOf(granularities);
        this.lateRecords = lateRecords;
    }

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter(LATE_METRIC);
    }

    @Override
    public void processElement(
            CloudTrailRecord record, Context context, Collector<ActivityCount> out) {
        if (!record.hasValidEventTime()) {
            return;
        }
        if (isLate(record.eventTimeMillis(), context.timerService().currentWatermark())) {
            late.inc();
            context.output(lateRecords, record);
            return;
        }
        emitCounts(record, out);
    }

    private boolean isLate(long eventTime, long watermark) {
        for (Granularity granularity : granularities) {
            // As WindowOperator.isWindowLate: the window's last millisecond is at or behind it.
            if (granularity.windowEnd(eventTime) - 1 <= watermark) {
                return true;
            }
        }
        return false;
    }

    static void emitCounts(CloudTrailRecord record, Collector<ActivityCount> out) {
        boolean error = record.errorCode() != null;
        for (Dimension dimension : Dimension.values()) {
            ActivityCount count = ActivityCount.of(dimension, dimension.valueOf(record), error);
            if (dimension == Dimension.PRINCIPAL) {
                count.eventName = record.eventName();
                count.sourceIp = record.sourceIpAddress();
            }
            out.collect(count);
        }
    }
}
