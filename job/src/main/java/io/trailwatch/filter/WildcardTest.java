package io.trailwatch.filter;

import io.trailwatch.cloudtrail.FieldKind;

/**
 * A string with {@code *} wildcards, each matching any run of characters (also none). The literal
 * parts are split once at compile time; matching walks the value without allocating.
 */
final class WildcardTest implements ValueTest {

    private static final long serialVersionUID = 1L;

    /** Literal parts between the wildcards: {@code parts.length} is the number of wildcards + 1. */
    private final String[] parts;

    private final int minimumLength;
    private final boolean negated;

    WildcardTest(String[] parts, boolean negated) {
        this.parts = parts.clone();
        int length = 0;
        for (String part : parts) {
            length += part.length();
        }
        this.minimumLength = length;
        this.negated = negated;
    }

    @Override
    public boolean test(FieldKind kind, String value) {
        return ValueTest.isValueNode(kind) && matches(value) != negated;
    }

    private boolean matches(String value) {
        if (value.length() < minimumLength) {
            return false;
        }
        String first = parts[0];
        String last = parts[parts.length - 1];
        if (!value.startsWith(first) || !value.endsWith(last)) {
            return false;
        }
        // Leftmost placement of each middle part is optimal for '*'-only globs.
        int position = first.length();
        int end = value.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            String part = parts[i];
            int found = value.indexOf(part, position);
            if (found < 0 || found + part.length() > end) {
                return false;
            }
            position = found + part.length();
        }
        return true;
    }
}
