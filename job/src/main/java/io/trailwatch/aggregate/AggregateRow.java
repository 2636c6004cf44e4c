package io.trailwatch.aggregate;

/**
 * One line of the aggregates output: the activity of one dimension value in one window. Written by
 * {@link AggregateJson}; the Athena tables in {@code deploy/athena/} read exactly these fields.
 */
public class AggregateRow {

    /** {@link Granularity#name()} of the window. */
    public String granularity;

    public long windowStartMillis;
    public long windowEndMillis;

    /** {@link Dimension#outputName()}. */
    public String dimension;

    /** The dimension's value; {@code null} for records that have none (e.g. no errorCode). */
    public String value;

    public long events;
    public long errors;

    /** For the principal dimension only; {@code null} for the others. */
    public Long distinctEventNames;

    /** For the principal dimension only; {@code null} for the others. */
    public Long distinctSourceIps;

    /**
     * True for a count that reached its window after the window had fired (see {@link
     * ActivityAggregates}); summing {@code events} over all rows of a window still gives its total.
     */
    public boolean late;

    public AggregateRow() {}

    static AggregateRow of(Granularity granularity, long windowStart, ActivityTotals totals) {
        AggregateRow row = new AggregateRow();
        row.granularity = granularity.name();
        row.windowStartMillis = windowStart;
        row.windowEndMillis = windowStart + granularity.size().toMillis();
        row.dimension = totals.dimension.outputName();
        row.value = totals.value;
        row.events = totals.events;
        row.errors = totals.errors;
        if (totals.eventNames != null) {
            row.distinctEventNames = (long) totals.eventNames.size();
            row.distinctSourceIps = (long) totals.sourceIps.size();
        }
        return row;
    }

    @Override
    public String toString() {
        return AggregateJson.toJson(this);
    }
}
