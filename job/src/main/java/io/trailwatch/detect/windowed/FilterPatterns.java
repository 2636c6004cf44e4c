package io.trailwatch.detect.windowed;

import io.trailwatch.filter.Condition;

/** The one place windowed detection compiles filter-pattern text (DESIGN §5). */
final class FilterPatterns implements ConditionCompiler {

    private static final long serialVersionUID = 1L;

    static final FilterPatterns INSTANCE = new FilterPatterns();

    @Override
    public Condition compile(String filter) {
        // Replaced by io.trailwatch.filter.FilterPattern.compile once that compiler is on main.
        throw new UnsupportedOperationException("the filter-pattern compiler is not on main yet");
    }
}
