package io.trailwatch.pattern;

import io.trailwatch.filter.FilterPattern;
import io.trailwatch.filter.FilterSyntaxException;

/**
 * The one place that compiles a pattern's conditions and field selectors while validating, with the
 * same compiler the pipeline uses, so that the set is rejected before any job sees a condition or
 * selector it cannot run.
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

    /**
     * Returns null if {@code selector} is one field selector without wildcards ({@code
     * $.userIdentity.arn}, {@code $.resources[0].ARN}), as {@code groupBy} and {@code distinct}
     * take, else what is wrong.
     */
    static String selectorProblem(String selector) {
        try {
            FilterPattern.flatPath(selector);
            return null;
        } catch (FilterSyntaxException e) {
            return "column " + e.column() + ": " + e.reason();
        }
    }
}
