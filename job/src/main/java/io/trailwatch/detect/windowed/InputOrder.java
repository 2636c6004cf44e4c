package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import org.apache.flink.cep.EventComparator;

/**
 * Orders events of equal {@code eventTime} as they were in their input: by origin (log file names
 * carry their delivery time), then by position within it. CEP, {@link ThresholdFunction} and {@link
 * DuplicateEventFilter} sort by timestamp first and use this only to break ties, so results do not
 * depend on the order a shuffle or the batch sort delivers records in. Records whose input order is
 * unknown (the same origin and position) are ordered by {@code eventID}, so the order stays total.
 */
final class InputOrder implements EventComparator<CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public int compare(CloudTrailRecord a, CloudTrailRecord b) {
        int byPosition = compare(a.origin(), a.sequence(), b.origin(), b.sequence());
        return byPosition != 0 ? byPosition : compareNullable(a.eventId(), b.eventId());
    }

    /** Compares two input positions: origin first (no origin first of all), then sequence. */
    static int compare(String originA, long sequenceA, String originB, long sequenceB) {
        int byOrigin = compareNullable(originA, originB);
        return byOrigin != 0 ? byOrigin : Long.compare(sequenceA, sequenceB);
    }

    private static int compareNullable(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
