package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import org.apache.flink.cep.EventComparator;

/**
 * Orders events of equal {@code eventTime} as they were in their input: by origin (log file names
 * carry their delivery time), then by position within it. CEP and {@link ThresholdFunction} sort by
 * timestamp first and use this only to break ties, so results do not depend on the order a shuffle
 * delivers them in.
 */
final class InputOrder implements EventComparator<CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    @Override
    public int compare(CloudTrailRecord a, CloudTrailRecord b) {
        int byOrigin = compareNullable(a.origin(), b.origin());
        return byOrigin != 0 ? byOrigin : Long.compare(a.sequence(), b.sequence());
    }

    private static int compareNullable(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return a.compareTo(b);
    }
}
