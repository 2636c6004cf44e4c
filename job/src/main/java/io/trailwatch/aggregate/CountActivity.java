package io.trailwatch.aggregate;

import java.util.HashSet;
import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Adds up a window's {@link ActivityCount}s as they arrive, so the window keeps one small
 * accumulator per key instead of every element.
 */
final class CountActivity
        implements AggregateFunction<ActivityCount, ActivityTotals, ActivityTotals> {

    private static final long serialVersionUID = 1L;

    @Override
    public ActivityTotals createAccumulator() {
        return new ActivityTotals();
    }

    @Override
    public ActivityTotals add(ActivityCount count, ActivityTotals totals) {
        totals.dimension = count.dimension;
        totals.value = count.value;
        totals.events += count.events;
        totals.errors += count.errors;
        if (count.dimension == Dimension.PRINCIPAL) {
            if (totals.eventNames == null) {
                totals.eventNames = new HashSet<>();
                totals.sourceIps = new HashSet<>();
            }
            if (count.eventName != null) {
                totals.eventNames.add(count.eventName);
            }
            if (count.sourceIp != null) {
                totals.sourceIps.add(count.sourceIp);
            }
        }
        return totals;
    }

    @Override
    public ActivityTotals getResult(ActivityTotals totals) {
        return totals;
    }

    @Override
    public ActivityTotals merge(ActivityTotals a, ActivityTotals b) {
        if (a.dimension == null) {
            return b;
        }
        if (b.dimension == null) {
            return a;
        }
        a.events += b.events;
        a.errors += b.errors;
        if (b.eventNames != null) {
            if (a.eventNames == null) {
                a.eventNames = new HashSet<>();
                a.sourceIps = new HashSet<>();
            }
            a.eventNames.addAll(b.eventNames);
            a.sourceIps.addAll(b.sourceIps);
        }
        return a;
    }
}
