package io.trailwatch.detect.windowed;

import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Passes each CloudTrail event of a group once: CloudTrail sometimes delivers an event twice (same
 * {@code eventID}), and a duplicate must not count twice toward a threshold. An id is remembered
 * until the watermark passes its event time plus the pattern's span; a copy arriving after that is
 * behind the watermark and goes to the late output anyway.
 */
final class DuplicateEventFilter
        extends KeyedProcessFunction<String, CloudTrailRecord, CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    static final MapStateDescriptor<String, Long> SEEN =
            new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.LONG);
    static final MapStateDescriptor<Long, List<String>> EXPIRY =
            new MapStateDescriptor<>(
                    "seen-event-ids-by-expiry", Types.LONG, Types.LIST(Types.STRING));

    private final long retentionMillis;

    private transient MapState<String, Long> seen;
    private transient MapState<Long, List<String>> byExpiry;
    private transient Counter duplicates;

    DuplicateEventFilter(long retentionMillis) {
        this.retentionMillis = retentionMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getMapState(SEEN);
        byExpiry = getRuntimeContext().getMapState(EXPIRY);
        duplicates = getRuntimeContext().getMetricGroup().counter("duplicateEvents");
    }

    @Override
    public void processElement(
            CloudTrailRecord record, Context context, Collector<CloudTrailRecord> out)
            throws Exception {
        String id = AlertFactory.eventId(record);
        if (seen.contains(id)) {
            duplicates.inc();
            return;
        }
        long expiry = record.eventTimeMillis() + retentionMillis;
        seen.put(id, expiry);
        List<String> expiring = byExpiry.get(expiry);
        if (expiring == null) {
            expiring = new ArrayList<>();
            context.timerService().registerEventTimeTimer(expiry);
        }
        expiring.add(id);
        byExpiry.put(expiry, expiring);
        out.collect(record);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<CloudTrailRecord> out)
            throws Exception {
        List<String> expiring = byExpiry.get(timestamp);
        if (expiring != null) {
            for (String id : expiring) {
                seen.remove(id);
            }
            byExpiry.remove(timestamp);
        }
    }
}
