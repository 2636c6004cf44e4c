package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes each CloudTrail event of a group once, ahead of a sequence's CEP operator: CloudTrail
 * sometimes delivers an event twice (same {@code eventID}, possibly in another file), and the copy
 * kept decides where the event falls among events of equal time. So the copy kept is the first in
 * event order (DESIGN §5: event time, then {@link InputOrder}), not the first to arrive: records
 * wait by event time until the watermark passes them, as in CEP, and are then passed on in that
 * order. A later copy within the pattern's span of the kept one is dropped; an id is forgotten once
 * the watermark passes its event time by the span.
 *
 * <p>A record at or behind the watermark is passed on at once unless its id was seen, and CEP puts
 * it in the late output. Thresholds drop copies in {@link ThresholdFunction} itself.
 */
final class DuplicateEventFilter
        extends KeyedProcessFunction<Tuple2<Long, Long>, CloudTrailRecord, CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    static final MapStateDescriptor<Long, List<CloudTrailRecord>> PENDING =
            new MapStateDescriptor<>(
                    "pending-events-by-time",
                    Types.LONG,
                    Types.LIST(TypeInformation.of(CloudTrailRecord.class)));

    private final long retentionMillis;
    private final InputOrder inputOrder = new InputOrder();

    private transient MapState<Long, List<CloudTrailRecord>> pending;
    private transient SeenEventIds seen;
    private transient Counter duplicates;

    DuplicateEventFilter(long retentionMillis) {
        this.retentionMillis = retentionMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(PENDING);
        seen = new SeenEventIds(getRuntimeContext());
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateEvents");
    }

    @Override
    public void processElement(
            CloudTrailRecord record, Context context, Collector<CloudTrailRecord> out)
            throws Exception {
        long time = record.eventTimeMillis();
        if (time <= context.timerService().currentWatermark()) {
            if (seen.contains(record)) {
                duplicates.inc();
            } else {
                out.collect(record);
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
     * Fires for a time that records wait at, and a span after a time that ids were seen at; both
     * can share a timer. Records still to come are after the watermark, later than {@code time}.
     */
    @Override
    public void onTimer(long time, OnTimerContext context, Collector<CloudTrailRecord> out)
            throws Exception {
        List<CloudTrailRecord> arrived = pending.get(time);
        if (arrived != null) {
            pending.remove(time);
            arrived.sort(inputOrder);
            List<CloudTrailRecord> unique = seen.firstCopies(arrived, time);
            duplicates.inc(arrived.size() - unique.size());
            unique.forEach(out::collect);
            if (!unique.isEmpty()) {
                EventTimeTimers.registerUnlessFinal(context.timerService(), time + retentionMillis);
            }
        }
        seen.forgetSeenAt(time - retentionMillis);
    }
}
