package io.trailwatch.aggregate;

import java.util.Set;

/**
 * The running totals of one key in one window: the window state of the incremental aggregation. A
 * Flink POJO (the sets use Flink's set serializer, not Kryo).
 */
public class ActivityTotals {

    public Dimension dimension;
    public String value;
    public long events;
    public long errors;

    /** Distinct event names, for {@link Dimension#PRINCIPAL} only; null otherwise. */
    public Set<String> eventNames;

    /** Distinct source IPs, for {@link Dimension#PRINCIPAL} only; null otherwise. */
    public Set<String> sourceIps;

    public ActivityTotals() {}
}
