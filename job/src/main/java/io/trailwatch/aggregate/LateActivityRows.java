package io.trailwatch.aggregate;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Counts that reached a window operator after their window had fired, written as rows of their own
 * with {@code late: true} so that nothing drops out of the totals.
 *
 * <p>{@link ToActivityCounts} already diverts records that are late at its own watermark, so these
 * are rare: the window operator's watermark is the minimum over its inputs and is normally behind,
 * but a delivery stream that resumes after being idle can send a record that the rest of the job
 * has already passed.
 */
final class LateActivityRows extends ProcessFunction<ActivityCount, AggregateRow> {

    private static final long serialVersionUID = 1L;

    static final String METRIC = "lateAggregateCounts";

    private final Granularity granularity;
    private transient Counter late;

    LateActivityRows(Granularity granularity) {
        this.granularity = granularity;
    }

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter(METRIC);
    }

    @Override
    public void processElement(ActivityCount count, Context context, Collector<AggregateRow> out) {
        late.inc();
        CountActivity totals = new CountActivity();
        AggregateRow row =
                AggregateRow.of(
                        granularity,
                        granularity.windowStart(context.timestamp()),
                        totals.add(count, totals.createAccumulator()));
        row.late = true;
        out.collect(row);
    }
}
