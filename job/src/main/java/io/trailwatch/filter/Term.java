package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.Set;

/** One {@code SELECTOR OP VALUE}, {@code SELECTOR IS …} or {@code SELECTOR NOT EXISTS}. */
final class Term implements Condition {

    private static final long serialVersionUID = 1L;

    private final Selector selector;

    /** Null for {@code NOT EXISTS}. */
    private final ValueTest test;

    private Term(Selector selector, ValueTest test) {
        this.selector = selector;
        this.test = test;
    }

    static Term comparing(Selector selector, ValueTest test) {
        return new Term(selector, test);
    }

    static Term notExists(Selector selector) {
        return new Term(selector, null);
    }

    Selector selector() {
        return selector;
    }

    /** Null for {@code NOT EXISTS}. */
    ValueTest test() {
        return test;
    }

    @Override
    public boolean matches(CloudTrailRecord record) {
        return test == null ? !selector.exists(record) : selector.anyMatches(record, test);
    }

    /** {@code $.path = "text"} and folded {@code ||} of such terms; nothing else is a fixed set. */
    @Override
    public Set<String> requiredValues(String path) {
        if (!(selector instanceof PathSelector) || !((PathSelector) selector).path().equals(path)) {
            return null;
        }
        if (test instanceof TextTest && !((TextTest) test).negated()) {
            return Set.of(((TextTest) test).expected());
        }
        if (test instanceof TextSetTest) {
            return ((TextSetTest) test).expected();
        }
        return null;
    }
}
