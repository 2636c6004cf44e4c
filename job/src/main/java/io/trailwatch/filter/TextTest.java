package io.trailwatch.filter;

import io.trailwatch.cloudtrail.FieldKind;

/** {@code = "text"} / {@code != "text"} without wildcards: exact, case-sensitive. */
final class TextTest implements ValueTest {

    private static final long serialVersionUID = 1L;

    private final String expected;
    private final boolean negated;

    TextTest(String expected, boolean negated) {
        this.expected = expected;
        this.negated = negated;
    }

    String expected() {
        return expected;
    }

    boolean negated() {
        return negated;
    }

    @Override
    public boolean test(FieldKind kind, String value) {
        return ValueTest.isValueNode(kind) && expected.equals(value) != negated;
    }
}
