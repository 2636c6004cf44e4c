package io.trailwatch.detect.windowed;

import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;

/**
 * The {@code eventID}s a group has seen recently, in keyed state, so that an event CloudTrail
 * delivered twice counts once. The caller passes events in event order (DESIGN §5), so the copy
 * kept is the first in that order whatever order the copies arrived in. An id is remembered under
 * the event time it was seen at, and forgotten by time when the caller says so. One event time's
 * ids are written at once, so a burst of events in one millisecond costs one list write.
 */
final class SeenEventIds {

    static final MapStateDescriptor<String, Long> BY_ID =
            new MapStateDescriptor<>("seen-event-ids", Types.STRING, Types.LONG);
    static final MapStateDescriptor<Long, List<String>> BY_TIME =
            new MapStateDescriptor<>(
                    "seen-event-ids-by-time", Types.LONG, Types.LIST(Types.STRING));

    private final MapState<String, Long> byId;
    private final MapState<Long, List<String>> byTime;

    SeenEventIds(RuntimeContext context) {
        this.byId = context.getMapState(BY_ID);
        this.byTime = context.getMapState(BY_TIME);
    }

    /** Whether an event with the record's id was seen within the span. */
    boolean contains(CloudTrailRecord record) throws Exception {
        return byId.contains(AlertFactory.eventId(record));
    }

    /**
     * The records of one event time without copies of events seen before them (earlier in the list,
     * or at an earlier time); the ids of those kept are remembered under that time.
     *
     * @param records one event time's records, in input order
     */
    List<CloudTrailRecord> firstCopies(List<CloudTrailRecord> records, long eventTime)
            throws Exception {
        List<CloudTrailRecord> kept = new ArrayList<>(records.size());
        List<String> keptIds = new ArrayList<>(records.size());
        for (CloudTrailRecord record : records) {
            String eventId = AlertFactory.eventId(record);
            if (!byId.contains(eventId)) {
                byId.put(eventId, eventTime);
                kept.add(record);
                keptIds.add(eventId);
            }
        }
        if (!keptIds.isEmpty()) {
            List<String> atTime = byTime.get(eventTime);
            if (atTime != null) {
                keptIds.addAll(0, atTime);
            }
            byTime.put(eventTime, keptIds);
        }
        return kept;
    }

    /** Forgets the ids seen at exactly this event time. */
    void forgetSeenAt(long eventTime) throws Exception {
        List<String> atTime = byTime.get(eventTime);
        if (atTime == null) {
            return;
        }
        for (String eventId : atTime) {
            byId.remove(eventId);
        }
        byTime.remove(eventTime);
    }
}
