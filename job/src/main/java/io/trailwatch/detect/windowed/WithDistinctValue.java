package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.Condition;
import java.util.Set;

/** A threshold's filter, for records that have the field whose distinct values it counts. */
final class WithDistinctValue implements Condition {

    private static final long serialVersionUID = 1L;

    private final Condition filter;
    private final String distinctPath;

    WithDistinctValue(Condition filter, String distinctPath) {
        this.filter = filter;
        this.distinctPath = distinctPath;
    }

    @Override
    public boolean matches(CloudTrailRecord record) {
        return filter.matches(record) && record.get(distinctPath) != null;
    }

    @Override
    public Set<String> requiredValues(String path) {
        return filter.requiredValues(path);
    }
}
