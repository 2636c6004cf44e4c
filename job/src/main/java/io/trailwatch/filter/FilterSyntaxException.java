package io.trailwatch.filter;

/**
 * A filter pattern that is not a valid CloudWatch Logs JSON filter pattern.
 *
 * <p>Checked on purpose: a bad pattern is expected input (a user's YAML file), and whoever compiles
 * one must turn it into a message that names the file and line. The message reads {@code column N:
 * what was expected}; {@link #reason()} is the part after the column, for callers that add their
 * own location.
 */
public final class FilterSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String pattern;
    private final int column;
    private final String reason;

    public FilterSyntaxException(String pattern, int column, String reason) {
        super("column " + column + ": " + reason);
        this.pattern = pattern;
        this.column = column;
        this.reason = reason;
    }

    /** The pattern text as given. */
    public String pattern() {
        return pattern;
    }

    /** 1-based column of the offending character; one past the end if the pattern ended early. */
    public int column() {
        return column;
    }

    /** What was wrong and what was expected, without the column. */
    public String reason() {
        return reason;
    }
}
