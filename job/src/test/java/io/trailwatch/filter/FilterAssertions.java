package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordFlattener;

/** Small helpers shared by the filter tests. */
final class FilterAssertions {

    private FilterAssertions() {}

    static CloudTrailRecord event(String json) {
        return RecordFlattener.flatten(json);
    }

    static CompiledFilter compile(String pattern) {
        try {
            return FilterPattern.compile(pattern);
        } catch (FilterSyntaxException e) {
            throw new AssertionError(
                    "valid pattern rejected: " + pattern + " -> " + e.getMessage(), e);
        }
    }

    static boolean matches(String pattern, String eventJson) {
        return compile(pattern).matches(event(eventJson));
    }
}
