package io.trailwatch.detect.windowed;

import io.trailwatch.filter.Condition;
import io.trailwatch.filter.FilterPattern;

/** The one place windowed detection compiles filter-pattern text (DESIGN §5). */
final class FilterPatterns implements ConditionCompiler {

    private static final long serialVersionUID = 1L;

    static final FilterPatterns INSTANCE = new FilterPatterns();

    @Override
    public Condition compile(String filter) {
        return FilterPattern.compileValidated(filter);
    }
}
