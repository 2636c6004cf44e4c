package io.trailwatch.detect.windowed;

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
 * the event time it was seen at, and forgotten by time when the caller says so.
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

    boolean contains(String eventId) throws Exception {
        return byId.contains(eventId);
    }

    /**
     * Remembers an id as seen at an event time.
     *
     * @return false if the id was seen already: the event is a copy
     */
    boolean add(String eventId, long eventTime) throws Exception {
        if (byId.contains(eventId)) {
            return false;
        }
        byId.put(eventId, eventTime);
        List<String> atTime = byTime.get(eventTime);
        if (atTime == null) {
            atTime = new ArrayList<>();
        }
        atTime.add(eventId);
        byTime.put(eventTime, atTime);
        return true;
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
