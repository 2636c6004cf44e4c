package io.trailwatch.detect.windowed;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * A threshold (DESIGN §5) for one group, in time linear in its events: an alert as soon as the
 * group's events within {@code within} of the newest one (a span of exactly {@code within} is
 * inside) number {@code count}, or with {@code distinct} hold {@code count} distinct values of the
 * field. The alert carries every event of that window and consumes them. Events without the
 * distinct field are not counted.
 *
 * <p>The window is a queue of events in event-time order (equal times in {@link InputOrder}) with a
 * count per distinct value, so an event costs one append, one count update and at most its own
 * eviction. These are the alerts of a CEP pattern that skips past each match, where the earliest
 * live partial match is the window; but CEP advances every partial match for every event.
 *
 * <p>Like CEP in event time, records wait by event time until the watermark passes them, then are
 * processed in order in the timer for their time; a record at or behind the watermark goes to the
 * late output. In batch execution the watermark only comes at the end of each key, so the same code
 * sees every record of a group in order. Because events are taken in that order, a copy of an event
 * CloudTrail delivered twice (same {@code eventID}) is dropped here, and the copy counted is the
 * first in event order whatever order the copies arrived in; ids are remembered for {@code within}.
 * A timer {@code within} after each time that events were taken at forgets their ids and evicts
 * them from the window, so a group that goes quiet leaves no state.
 */
final class ThresholdFunction
        extends KeyedProcessFunction<Tuple2<Long, Long>, CloudTrailRecord, MatchedAlert> {

    private static final long serialVersionUID = 1L;

    private static final TypeInformation<CloudTrailRecord> RECORD =
            TypeInformation.of(CloudTrailRecord.class);

    static final MapStateDescriptor<Long, List<CloudTrailRecord>> PENDING =
            new MapStateDescriptor<>("pending-events-by-time", Types.LONG, Types.LIST(RECORD));
    static final MapStateDescriptor<Long, CloudTrailRecord> WINDOW_EVENTS =
            new MapStateDescriptor<>("window-events-by-position", Types.LONG, RECORD);
    static final MapStateDescriptor<String, Integer> VALUE_COUNTS =
            new MapStateDescriptor<>("window-events-by-value", Types.STRING, Types.INT);
    static final ValueStateDescriptor<ThresholdWindowBounds> BOUNDS =
            new ValueStateDescriptor<>("window-bounds", Types.POJO(ThresholdWindowBounds.class));

    private final PatternDefinition pattern;
    private final GroupKey groupKey;
    private final String distinctPath;
    private final int count;
    private final long withinMillis;
    private final AlertFactory alerts;
    private final OutputTag<CloudTrailRecord> lateTag;
    private final InputOrder inputOrder = new InputOrder();

    private transient MapState<Long, List<CloudTrailRecord>> pending;
    private transient MapState<Long, CloudTrailRecord> windowEvents;
    private transient MapState<String, Integer> valueCounts;
    private transient ValueState<ThresholdWindowBounds> bounds;
    private transient SeenEventIds seen;
    private transient Counter duplicates;

    /**
     * @param compiled a threshold pattern
     * @param lateTag where records behind the watermark go
     */
    ThresholdFunction(
            WindowedPattern compiled, AlertFactory alerts, OutputTag<CloudTrailRecord> lateTag) {
        this.pattern = compiled.definition();
        this.groupKey = compiled.groupKey();
        this.distinctPath = compiled.distinctPath();
        this.count = pattern.threshold().count();
        this.withinMillis = compiled.within().toMillis();
        this.alerts = alerts;
        this.lateTag = lateTag;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(PENDING);
        windowEvents = getRuntimeContext().getMapState(WINDOW_EVENTS);
        valueCounts = getRuntimeContext().getMapState(VALUE_COUNTS);
        bounds = getRuntimeContext().getState(BOUNDS);
        seen = new SeenEventIds(getRuntimeContext());
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateEvents");
    }

    @Override
    public void processElement(
            CloudTrailRecord record, Context context, Collector<MatchedAlert> out)
            throws Exception {
        if (distinctPath != null && record.get(distinctPath) == null) {
            return;
        }
        long time = record.eventTimeMillis();
        if (time <= context.timerService().currentWatermark()) {
            if (seen.contains(record)) {
                duplicates.inc();
            } else {
                context.output(lateTag, record);
            }
            return;
        }
        List<CloudTrailRecord> atTime = pending.get(time);
        if (atTime == null) {
            atTime = new ArrayList<>();
            context.timerService().registerEventTimeTimer(time);
        }
        atTime.add(record);
        pending.put(time, atTime);
    }

    /**
     * Fires for a time that records wait at, and {@code within} after a time that events were taken
     * at; both can share a timer. Timers fire in time order and records still to come are after the
     * watermark, so every record not yet taken is later than {@code time}.
     */
    @Override
    public void onTimer(long time, OnTimerContext context, Collector<MatchedAlert> out)
            throws Exception {
        ThresholdWindowBounds window = bounds.value();
        if (window == null) {
            window = new ThresholdWindowBounds();
        }
        List<CloudTrailRecord> arrived = pending.get(time);
        if (arrived != null) {
            pending.remove(time);
            arrived.sort(inputOrder);
            evictOlderThan(window, time - withinMillis);
            List<CloudTrailRecord> taken = seen.firstCopies(arrived, time);
            duplicates.inc(arrived.size() - taken.size());
            for (CloudTrailRecord record : taken) {
                window = add(window, record, out);
            }
            if (!taken.isEmpty()) {
                EventTimeTimers.registerUnlessFinal(context.timerService(), time + withinMillis);
            }
        }
        seen.forgetSeenAt(time - withinMillis);
        // Later events are after `time`, so an event exactly `within` before it is done with too.
        evictOlderThan(window, time - withinMillis + 1);
        if (window.holdsNoEvents()) {
            bounds.clear();
        } else {
            bounds.update(window);
        }
    }

    /** Appends one event; if the window then reaches {@code count}, alerts and empties it. */
    private ThresholdWindowBounds add(
            ThresholdWindowBounds window, CloudTrailRecord record, Collector<MatchedAlert> out)
            throws Exception {
        windowEvents.put(window.end, record);
        window.end++;
        if (distinctPath != null) {
            countValue(window, record.get(distinctPath));
        }
        long counted = distinctPath != null ? window.distinctValues : window.end - window.first;
        if (counted < count) {
            return window;
        }
        out.collect(MatchedAlert.of(alertFor(window), record));
        windowEvents.clear();
        valueCounts.clear();
        return new ThresholdWindowBounds();
    }

    private void countValue(ThresholdWindowBounds window, String value) throws Exception {
        Integer seen = valueCounts.get(value);
        if (seen == null) {
            window.distinctValues++;
        }
        valueCounts.put(value, seen == null ? 1 : seen + 1);
    }

    private Alert alertFor(ThresholdWindowBounds window) throws Exception {
        List<CloudTrailRecord> events = new ArrayList<>((int) (window.end - window.first));
        for (long position = window.first; position < window.end; position++) {
            events.add(windowEvents.get(position));
        }
        return alerts.create(pattern, groupKey.selectors(), groupKey.values(events.get(0)), events);
    }

    private void evictOlderThan(ThresholdWindowBounds window, long oldestKept) throws Exception {
        while (!window.holdsNoEvents()) {
            CloudTrailRecord oldest = windowEvents.get(window.first);
            if (oldest.eventTimeMillis() >= oldestKept) {
                return;
            }
            windowEvents.remove(window.first);
            window.first++;
            if (distinctPath != null) {
                uncountValue(window, oldest.get(distinctPath));
            }
        }
    }

    private void uncountValue(ThresholdWindowBounds window, String value) throws Exception {
        int remaining = valueCounts.get(value) - 1;
        if (remaining == 0) {
            valueCounts.remove(value);
            window.distinctValues--;
        } else {
            valueCounts.put(value, remaining);
        }
    }
}
