package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.Serializable;

/** A compiled filter-pattern condition over one flattened CloudTrail record. */
@FunctionalInterface
public interface Condition extends Serializable {

    boolean matches(CloudTrailRecord record);
}
