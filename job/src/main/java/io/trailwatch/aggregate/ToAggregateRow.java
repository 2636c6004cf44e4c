package io.trailwatch.aggregate;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/** Turns a window's totals into an output row; only this step knows the window's bounds. */
final class ToAggregateRow
        extends ProcessWindowFunction<ActivityTotals, AggregateRow, String, TimeWindow> {

    private static final long serialVersionUID = 1L;

    private final Granularity granularity;

    ToAggregateRow(Granularity granularity) {
        this.granularity = granularity;
    }

    @Override
    public void process(
            String key,
            Context context,
            Iterable<ActivityTotals> totals,
            Collector<AggregateRow> out) {
        for (ActivityTotals total : totals) {
            out.collect(AggregateRow.of(granularity, context.window().getStart(), total));
        }
    }
}
