package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.Serializable;
import java.util.Set;

/** A compiled filter-pattern condition over one flattened CloudTrail record. */
@FunctionalInterface
public interface Condition extends Serializable {

    boolean matches(CloudTrailRecord record);

    /**
     * The texts that the entry at {@code path} must have for this condition to hold, or null when
     * the condition does not restrict it to a fixed set. {@link ConditionIndex} uses it to skip
     * conditions that cannot hold for a record without evaluating them.
     */
    default Set<String> requiredValues(String path) {
        return null;
    }
}
