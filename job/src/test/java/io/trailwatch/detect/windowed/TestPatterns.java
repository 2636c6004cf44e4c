package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.Condition;
import io.trailwatch.pattern.PatternDefinition;
import io.trailwatch.pattern.PatternKind;
import io.trailwatch.pattern.SequenceSpec;
import io.trailwatch.pattern.SequenceStep;
import io.trailwatch.pattern.Severity;
import io.trailwatch.pattern.SourceLocation;
import io.trailwatch.pattern.ThresholdSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Windowed pattern definitions for tests, with a tiny stand-in for the filter language: {@code
 * eventName=ConsoleLogin & errorMessage=Failed authentication} (all fields equal).
 */
final class TestPatterns {

    static final String FAILED_LOGIN =
            "eventName=ConsoleLogin & errorMessage=Failed authentication";
    static final String CONSOLE_LOGIN = "eventName=ConsoleLogin";

    /** Compiles the stand-in filter language. */
    static final ConditionCompiler FIELDS_EQUAL = TestPatterns::fieldsEqual;

    private TestPatterns() {}

    static PatternDefinition threshold(String id, String filter, int count, Duration within) {
        return threshold(id, filter, count, within, PatternDefinition.DEFAULT_GROUP_BY, null, null);
    }

    static PatternDefinition threshold(
            String id,
            String filter,
            int count,
            Duration within,
            List<String> groupBy,
            String distinct,
            Duration suppress) {
        return definition(
                id,
                PatternKind.THRESHOLD,
                new ThresholdSpec(filter, count, within, groupBy, distinct),
                null,
                suppress);
    }

    static PatternDefinition sequence(
            String id, Duration within, List<String> groupBy, SequenceStep... steps) {
        return definition(
                id,
                PatternKind.SEQUENCE,
                null,
                new SequenceSpec(within, groupBy, List.of(steps)),
                null);
    }

    /** The pattern with {@code suppress} set. */
    static PatternDefinition withSuppress(PatternDefinition pattern, Duration suppress) {
        return definition(
                pattern.id(), pattern.kind(), pattern.threshold(), pattern.sequence(), suppress);
    }

    static SequenceStep step(String name, String filter) {
        return new SequenceStep(name, filter, 1, false);
    }

    static SequenceStep steps(String name, String filter, int count) {
        return new SequenceStep(name, filter, count, false);
    }

    static SequenceStep absent(String name, String filter) {
        return new SequenceStep(name, filter, 1, true);
    }

    private static PatternDefinition definition(
            String id,
            PatternKind kind,
            ThresholdSpec threshold,
            SequenceSpec sequence,
            Duration suppress) {
        return new PatternDefinition(
                id,
                "Test pattern " + id,
                Severity.MEDIUM,
                "A pattern for tests.",
                List.of(),
                kind,
                null,
                threshold,
                sequence,
                suppress,
                List.of(),
                new SourceLocation("test.yaml", 1));
    }

    private static Condition fieldsEqual(String filter) {
        List<String[]> comparisons = new ArrayList<>();
        for (String part : filter.split("&")) {
            String[] pathAndValue = part.trim().split("=", 2);
            comparisons.add(new String[] {pathAndValue[0].trim(), pathAndValue[1].trim()});
        }
        return (CloudTrailRecord record) -> {
            for (String[] comparison : comparisons) {
                if (!Objects.equals(record.get(comparison[0]), comparison[1])) {
                    return false;
                }
            }
            return true;
        };
    }
}
