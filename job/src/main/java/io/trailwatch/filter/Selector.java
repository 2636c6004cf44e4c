package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.Serializable;

/** A compiled property selector: finds the entries of a record that a {@code $.…} path names. */
interface Selector extends Serializable {

    /** Whether the selector names at least one entry (of any kind, objects and nulls included). */
    boolean exists(CloudTrailRecord record);

    /** Whether at least one entry the selector names passes the test. */
    boolean anyMatches(CloudTrailRecord record, ValueTest test);
}
