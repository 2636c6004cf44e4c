package io.trailwatch.pattern;

/**
 * The one place that compiles a pattern's conditions while validating, so that the set is rejected
 * before any job sees a condition it cannot run.
 */
final class ConditionSyntax {

    private ConditionSyntax() {}

    /**
     * Returns null if {@code condition} compiles, else what is wrong ({@code column 17: expected
     * ...}).
     */
    static String problem(String condition) {
        // Placeholder until io.trailwatch.filter.FilterPattern is on main.
        String trimmed = condition.strip();
        if (!trimmed.startsWith("{")) {
            return "column 1: expected '{' to start a JSON filter pattern";
        }
        if (!trimmed.endsWith("}")) {
            return "column " + (condition.length() + 1) + ": expected '}' to end the pattern";
        }
        return null;
    }
}
