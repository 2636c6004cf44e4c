package io.trailwatch.filter;

import io.trailwatch.cloudtrail.FieldKind;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code = "a"} or {@code = "b"} or … on one selector, folded into one hash lookup: the CIS and
 * CloudTrail User Guide filters list up to a dozen event names joined with {@code ||}, and this
 * finds the entry once instead of once per name. Same meaning as the {@link TextTest}s it replaces.
 */
final class TextSetTest implements ValueTest {

    private static final long serialVersionUID = 1L;

    private final HashSet<String> expected;

    TextSetTest(Set<String> expected) {
        this.expected = new HashSet<>(expected);
    }

    Set<String> expected() {
        return Collections.unmodifiableSet(expected);
    }

    @Override
    public boolean test(FieldKind kind, String value) {
        return ValueTest.isValueNode(kind) && expected.contains(value);
    }
}
