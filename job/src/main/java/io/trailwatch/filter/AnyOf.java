package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;

/** Terms joined with {@code ||}; stops at the first that holds. */
final class AnyOf implements Condition {

    private static final long serialVersionUID = 1L;

    private final Condition[] parts;

    AnyOf(Condition[] parts) {
        this.parts = parts.clone();
    }

    @Override
    public boolean matches(CloudTrailRecord record) {
        for (Condition part : parts) {
            if (part.matches(record)) {
                return true;
            }
        }
        return false;
    }
}
