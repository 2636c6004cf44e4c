package io.trailwatch.detect.windowed;

import io.trailwatch.filter.Condition;
import io.trailwatch.filter.FilterPattern;
import io.trailwatch.filter.FilterSyntaxException;

/** The one place windowed detection compiles filter-pattern text (DESIGN §5). */
final class FilterPatterns implements ConditionCompiler {

    private static final long serialVersionUID = 1L;

    static final FilterPatterns INSTANCE = new FilterPatterns();

    @Override
    public Condition compile(String filter) {
        try {
            return FilterPattern.compile(filter);
        } catch (FilterSyntaxException e) {
            // Pattern sets are validated when loaded; reaching this is a bug, not bad input.
            throw new IllegalArgumentException(
                    "filter of a validated pattern does not compile: " + e.getMessage(), e);
        }
    }
}
