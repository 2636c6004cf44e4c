package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;

/** A selector without wildcards, resolved at compile time to the record's flat path. */
final class PathSelector implements Selector {

    private static final long serialVersionUID = 1L;

    private final String path;

    PathSelector(String path) {
        // Interned, as the record's paths are (see RecordFlattener): the lookup's equals then
        // usually succeeds on identity.
        this.path = path.intern();
    }

    String path() {
        return path;
    }

    /** Deserialized copies intern their path again. */
    private Object readResolve() {
        return new PathSelector(path);
    }

    @Override
    public boolean exists(CloudTrailRecord record) {
        return record.indexOf(path) >= 0;
    }

    @Override
    public boolean anyMatches(CloudTrailRecord record, ValueTest test) {
        int index = record.indexOf(path);
        return index >= 0 && test.test(record.kind(index), record.value(index));
    }
}
