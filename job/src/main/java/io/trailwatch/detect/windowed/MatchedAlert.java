package io.trailwatch.detect.windowed;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.Comparator;

/**
 * An alert of a windowed pattern with the place of its closing event (the newest of its events,
 * which completed the match) in the order DESIGN §5 defines: event time, then input order. The
 * alert alone does not say where its events were read, and one group's alerts reach {@link
 * AlertSuppressor} in an order that a shuffle or the batch sort may change; this lets it take them
 * in event order instead. Public with public fields so Flink stores it as a POJO, without Kryo.
 */
public final class MatchedAlert {

    /** One group's alerts in the order of their closing events; the alert id breaks any tie. */
    static final Comparator<MatchedAlert> IN_EVENT_ORDER =
            Comparator.comparingLong((MatchedAlert matched) -> matched.closingTime)
                    .thenComparing(MatchedAlert::compareInputPosition)
                    .thenComparing(matched -> matched.alert.alertId);

    public Alert alert;
    public long closingTime;
    public String closingOrigin;
    public long closingSequence;

    public MatchedAlert() {}

    /**
     * @param closingEvent the newest of the alert's events in event order
     */
    static MatchedAlert of(Alert alert, CloudTrailRecord closingEvent) {
        MatchedAlert matched = new MatchedAlert();
        matched.alert = alert;
        matched.closingTime = closingEvent.eventTimeMillis();
        matched.closingOrigin = closingEvent.origin();
        matched.closingSequence = closingEvent.sequence();
        return matched;
    }

    private static int compareInputPosition(MatchedAlert a, MatchedAlert b) {
        return InputOrder.compare(
                a.closingOrigin, a.closingSequence, b.closingOrigin, b.closingSequence);
    }

    /** The key of the alert's group, equal to the key its events had. */
    static String groupOf(MatchedAlert matched) {
        return GroupKey.encode(matched.alert.groupValues);
    }
}
