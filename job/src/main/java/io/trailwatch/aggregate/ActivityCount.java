package io.trailwatch.aggregate;

/**
 * What one record contributes to one dimension's count: the key (dimension and value) and its
 * counters. This, not the record, is what the aggregation shuffles: a few short strings instead of
 * the whole event. A Flink POJO, serialized without Kryo.
 */
public class ActivityCount {

    public Dimension dimension;

    /** The record's value for the dimension; {@code null} when it has none. */
    public String value;

    public long events;
    public long errors;

    /** Set only for {@link Dimension#PRINCIPAL}, for its distinct event names. */
    public String eventName;

    /** Set only for {@link Dimension#PRINCIPAL}, for its distinct source IPs. */
    public String sourceIp;

    public ActivityCount() {}

    static ActivityCount of(Dimension dimension, String value, boolean error) {
        ActivityCount count = new ActivityCount();
        count.dimension = dimension;
        count.value = value;
        count.events = 1;
        count.errors = error ? 1 : 0;
        return count;
    }

    @Override
    public String toString() {
        return dimension + "=" + value + " events=" + events + " errors=" + errors;
    }
}
