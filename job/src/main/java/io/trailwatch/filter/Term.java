package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;

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
}
