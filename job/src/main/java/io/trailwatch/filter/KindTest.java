package io.trailwatch.filter;

import io.trailwatch.cloudtrail.FieldKind;

/** {@code IS NULL}, {@code IS TRUE}, {@code IS FALSE}: true only for that JSON literal. */
final class KindTest implements ValueTest {

    private static final long serialVersionUID = 1L;

    private final FieldKind expected;

    KindTest(FieldKind expected) {
        this.expected = expected;
    }

    @Override
    public boolean test(FieldKind kind, String value) {
        return kind == expected;
    }
}
