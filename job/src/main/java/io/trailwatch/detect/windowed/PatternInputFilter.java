package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.Condition;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.functions.FilterFunction;

/**
 * Keeps the records a windowed pattern can use, before its shuffle. A pattern that names its event
 * names rejects every other record with one set lookup instead of evaluating its filters.
 */
final class PatternInputFilter implements FilterFunction<CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    private final Condition input;

    /** Null when the pattern's filters do not restrict the event name to a fixed set. */
    private final Set<String> eventNames;

    PatternInputFilter(Condition input) {
        this.input = input;
        Set<String> required = input.requiredValues("eventName");
        this.eventNames =
                required == null ? null : new HashSet<>(required); // allows contains(null)
    }

    @Override
    public boolean filter(CloudTrailRecord record) {
        if (!record.hasValidEventTime()) {
            return false;
        }
        if (eventNames != null && !eventNames.contains(record.eventName())) {
            return false;
        }
        return input.matches(record);
    }
}
