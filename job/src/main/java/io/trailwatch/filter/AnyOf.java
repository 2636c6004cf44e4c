package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.HashSet;
import java.util.Set;

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

    /** One part must hold: a fixed set only if every part has one. */
    @Override
    public Set<String> requiredValues(String path) {
        Set<String> allowed = new HashSet<>();
        for (Condition part : parts) {
            Set<String> values = part.requiredValues(path);
            if (values == null) {
                return null;
            }
            allowed.addAll(values);
        }
        return allowed;
    }
}
