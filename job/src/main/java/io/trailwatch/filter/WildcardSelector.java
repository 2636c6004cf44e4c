package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.FieldKind;

/**
 * A selector with one wildcard ({@code $.arrayKey[*]}, {@code $.*}, {@code $.objectList[*].id}): it
 * names each child of the parent (every array element or object member) followed by the rest of the
 * path. A term holds if any of the named entries satisfies it.
 *
 * <p>Entries are in document order, so a container's descendants directly follow it; the children
 * are found by walking that range, without building paths.
 */
final class WildcardSelector implements Selector {

    private static final long serialVersionUID = 1L;

    /** Flat path of the container whose children the wildcard stands for; empty for the root. */
    private final String parent;

    /** The rest of the path after the wildcard ({@code .id}, {@code [0]}), or empty. */
    private final String suffix;

    WildcardSelector(String parent, String suffix) {
        this.parent = parent;
        this.suffix = suffix;
    }

    @Override
    public boolean exists(CloudTrailRecord record) {
        return find(record, null);
    }

    @Override
    public boolean anyMatches(CloudTrailRecord record, ValueTest test) {
        return find(record, test);
    }

    /** With a null test: whether any named entry exists. */
    private boolean find(CloudTrailRecord record, ValueTest test) {
        int start;
        int end;
        if (parent.isEmpty()) {
            start = 0;
            end = record.size();
        } else {
            int container = record.indexOf(parent);
            if (container < 0 || record.kind(container).isScalar()) {
                return false;
            }
            start = container + 1;
            end = subtreeEnd(record, container);
        }
        int child = start;
        while (child < end) {
            int childEnd = subtreeEnd(record, child);
            int named = suffix.isEmpty() ? child : findSuffix(record, child, childEnd);
            if (named >= 0
                    && (test == null || test.test(record.kind(named), record.value(named)))) {
                return true;
            }
            child = childEnd;
        }
        return false;
    }

    /** The entry at {@code path(child) + suffix} inside the child's subtree, or -1. */
    private int findSuffix(CloudTrailRecord record, int child, int childEnd) {
        String childPath = record.path(child);
        int length = childPath.length() + suffix.length();
        for (int i = child + 1; i < childEnd; i++) {
            String path = record.path(i);
            if (path.length() == length
                    && path.startsWith(childPath)
                    && path.startsWith(suffix, childPath.length())) {
                return i;
            }
        }
        return -1;
    }

    /** Index just past the entry and all of its descendants. */
    private static int subtreeEnd(CloudTrailRecord record, int index) {
        FieldKind kind = record.kind(index);
        if (kind.isScalar()) {
            return index + 1;
        }
        String prefix = record.path(index);
        int end = index + 1;
        while (end < record.size() && isDescendant(record.path(end), prefix)) {
            end++;
        }
        return end;
    }

    private static boolean isDescendant(String path, String ancestor) {
        if (path.length() <= ancestor.length() || !path.startsWith(ancestor)) {
            return false;
        }
        char next = path.charAt(ancestor.length());
        return next == '.' || next == '[';
    }
}
