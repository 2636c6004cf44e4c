package io.trailwatch.pattern;

/** Which of the three pattern shapes a definition uses. */
public enum PatternKind {
    /** One alert per matching event, at once. */
    FILTER,
    /** {@code count} matching events (or distinct values) of one group within a span. */
    THRESHOLD,
    /** Ordered steps of one group within a span. */
    SEQUENCE
}
