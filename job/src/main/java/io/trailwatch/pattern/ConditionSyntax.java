package io.trailwatch.pattern;

import io.trailwatch.filter.FilterPattern;
import io.trailwatch.filter.FilterSyntaxException;

/**
 * The one place that compiles a pattern's conditions while validating, so that the set is rejected
 * before any job sees a condition it cannot run.
 */
final class ConditionSyntax {

    private ConditionSyntax() {}

    /**
     * Returns null if {@code condition} compiles, else what is wrong and where in the condition
     * ({@code column 17: expected ...}).
     */
    static String problem(String condition) {
        try {
            FilterPattern.compile(condition);
            return null;
        } catch (FilterSyntaxException e) {
            return "column " + e.column() + ": " + e.reason();
        }
    }
}
