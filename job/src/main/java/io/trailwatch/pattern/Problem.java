package io.trailwatch.pattern;

/**
 * One thing wrong with a pattern set, where it is and what to change: {@code patterns/root.yaml:7:
 * severity "urgent" is not one of info, low, medium, high, critical}.
 */
public record Problem(SourceLocation location, String message) {

    @Override
    public String toString() {
        return location + ": " + message;
    }
}
