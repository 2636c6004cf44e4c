package io.trailwatch.pattern;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * One validated pattern, as written in a {@code patterns/*.yaml} document (DESIGN §5). Exactly one
 * of {@code filter}, {@code threshold} and {@code sequence} is set, as {@link #kind()} says.
 *
 * @param suppress no second alert for the same pattern and group within this event-time span, or
 *     null
 */
public record PatternDefinition(
        String id,
        String title,
        Severity severity,
        String description,
        List<String> references,
        PatternKind kind,
        String filter,
        ThresholdSpec threshold,
        SequenceSpec sequence,
        Duration suppress,
        List<PatternTestCase> tests,
        SourceLocation location)
        implements Serializable {

    /** The group of a pattern that names none: one group per account. */
    public static final List<String> DEFAULT_GROUP_BY = List.of("$.recipientAccountId");

    public PatternDefinition {
        references = List.copyOf(references);
        tests = List.copyOf(tests);
    }

    /** The selectors that form this pattern's group; empty for single-event patterns. */
    public List<String> groupBy() {
        switch (kind) {
            case THRESHOLD:
                return threshold.groupBy();
            case SEQUENCE:
                return sequence.groupBy();
            default:
                return List.of();
        }
    }

    /** Whether the pattern needs event-time windows (threshold or sequence). */
    public boolean isWindowed() {
        return kind != PatternKind.FILTER;
    }

    /** The same pattern with other tests; used by the test runner. */
    public PatternDefinition withTests(List<PatternTestCase> newTests) {
        return new PatternDefinition(
                id,
                title,
                severity,
                description,
                references,
                kind,
                filter,
                threshold,
                sequence,
                suppress,
                newTests,
                location);
    }
}
