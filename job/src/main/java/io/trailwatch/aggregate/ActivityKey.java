package io.trailwatch.aggregate;

import org.apache.flink.api.java.functions.KeySelector;

/**
 * The shuffle key of an {@link ActivityCount}: dimension and value in one string. A null value (the
 * record has none) is a key of its own, distinct from every real value.
 */
final class ActivityKey implements KeySelector<ActivityCount, String> {

    private static final long serialVersionUID = 1L;

    @Override
    public String getKey(ActivityCount count) {
        return count.value == null
                ? count.dimension.name()
                : count.dimension.name() + ':' + count.value;
    }
}
