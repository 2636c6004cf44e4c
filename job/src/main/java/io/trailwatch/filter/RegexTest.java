package io.trailwatch.filter;

import io.trailwatch.cloudtrail.FieldKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code %regex%} value. CloudWatch searches for the expression anywhere in the value ({@code
 * %Trail%} matches {@code UpdateTrail}); anchor it with {@code ^}/{@code $} for a full match. One
 * {@link Matcher} per thread is reused, so matching does not allocate.
 */
final class RegexTest implements ValueTest {

    private static final long serialVersionUID = 1L;

    private final Pattern pattern;
    private final boolean negated;
    private transient ThreadLocal<Matcher> matchers;

    RegexTest(Pattern pattern, boolean negated) {
        this.pattern = pattern;
        this.negated = negated;
    }

    @Override
    public boolean test(FieldKind kind, String value) {
        return ValueTest.isValueNode(kind) && matcher().reset(value).find() != negated;
    }

    private Matcher matcher() {
        ThreadLocal<Matcher> local = matchers;
        if (local == null) {
            // A benign race: two threads may each create a ThreadLocal; each still gets a Matcher.
            local = ThreadLocal.withInitial(() -> pattern.matcher(""));
            matchers = local;
        }
        return local.get();
    }
}
