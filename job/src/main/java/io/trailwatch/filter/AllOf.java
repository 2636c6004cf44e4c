package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.HashSet;
import java.util.Set;

/** Terms joined with {@code &&}; stops at the first that fails. */
final class AllOf implements Condition {

    private static final long serialVersionUID = 1L;

    private final Condition[] parts;

    AllOf(Condition[] parts) {
        this.parts = parts.clone();
    }

    @Override
    public boolean matches(CloudTrailRecord record) {
        for (Condition part : parts) {
            if (!part.matches(record)) {
                return false;
            }
        }
        return true;
    }

    /** Every part must hold, so a value must be in each part's set that has one. */
    @Override
    public Set<String> requiredValues(String path) {
        Set<String> required = null;
        for (Condition part : parts) {
            Set<String> values = part.requiredValues(path);
            if (values != null) {
                if (required == null) {
                    required = new HashSet<>(values);
                } else {
                    required.retainAll(values);
                }
            }
        }
        return required;
    }
}
