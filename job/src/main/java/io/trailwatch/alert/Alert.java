package io.trailwatch.alert;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One alert, as DESIGN §6 defines it: strings and string arrays, moved and kept by {@link
 * AlertSerializer}. Build alerts with {@link AlertFactory}; write them with {@link AlertJson}.
 */
@TypeInfo(AlertTypeInfoFactory.class)
public class Alert {

    /** Deterministic: the same pattern, group and events always give the same id. */
    public String alertId;

    public String patternId;
    public String title;
    public String severity;

    /** Selectors of the group, e.g. {@code $.recipientAccountId}; parallel to groupValues. */
    public String[] groupKeys;

    /** Values of the group; an element is null when the event had no value for that selector. */
    public String[] groupValues;

    public int count;
    public String firstEventTime;
    public String lastEventTime;
    public long firstEventTimeMillis;
    public String[] eventIds;

    /** The matched events, each a JSON object of the fields a responder needs. */
    public String[] events;

    public String detectedAt;

    public Alert() {}

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Alert)) {
            return false;
        }
        Alert other = (Alert) o;
        return count == other.count
                && firstEventTimeMillis == other.firstEventTimeMillis
                && Objects.equals(alertId, other.alertId)
                && Objects.equals(patternId, other.patternId)
                && Objects.equals(title, other.title)
                && Objects.equals(severity, other.severity)
                && Arrays.equals(groupKeys, other.groupKeys)
                && Arrays.equals(groupValues, other.groupValues)
                && Objects.equals(firstEventTime, other.firstEventTime)
                && Objects.equals(lastEventTime, other.lastEventTime)
                && Arrays.equals(eventIds, other.eventIds)
                && Arrays.equals(events, other.events)
                && Objects.equals(detectedAt, other.detectedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(alertId, detectedAt);
    }

    @Override
    public String toString() {
        return AlertJson.toJson(this);
    }
}
