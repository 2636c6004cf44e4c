package io.trailwatch.aggregate;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.util.OutputTag;

/**
 * Activity counts in event-time tumbling windows, one set of windows per granularity:
 *
 * <pre>
 * records ─► ToActivityCounts ─┬─► keyBy(dimension, value) ─► window(minute) ─► rows
 *            (no shuffle)      ├─► keyBy(dimension, value) ─► window(hour)   ─► rows
 *                              └─► late records (whole) ─► the pipeline's late output
 * </pre>
 *
 * Each record becomes one small {@link ActivityCount} per dimension before the shuffle; the windows
 * add them up incrementally ({@link CountActivity}) and name the window at the end ({@link
 * ToAggregateRow}).
 *
 * <p>Late data never vanishes: records already behind the watermark before the shuffle leave as
 * {@link #lateRecords()} (whole records, to be merged into the pipeline's late-record output), and
 * counts that still reach a fired window leave the window operator through {@code
 * sideOutputLateData} and become rows with {@code late: true}. So, per granularity and dimension,
 * the events of all rows plus the late records equal the records with a valid event time.
 */
public final class ActivityAggregates {

    public static final List<Duration> DEFAULT_WINDOW_SIZES =
            List.of(Duration.ofMinutes(1), Duration.ofHours(1));

    static final OutputTag<CloudTrailRecord> LATE_RECORDS =
            new OutputTag<>("late-for-aggregates", TypeInformation.of(CloudTrailRecord.class));

    static final String UID_COUNTS = "aggregate-counts";

    private final DataStream<AggregateRow> rows;
    private final DataStream<CloudTrailRecord> lateRecords;

    private ActivityAggregates(
            DataStream<AggregateRow> rows, DataStream<CloudTrailRecord> lateRecords) {
        this.rows = rows;
        this.lateRecords = lateRecords;
    }

    /**
     * Attaches the aggregation to a timestamped record stream.
     *
     * @param windowSizes one tumbling window size per granularity, e.g. {@link
     *     #DEFAULT_WINDOW_SIZES}
     */
    public static ActivityAggregates attach(
            DataStream<CloudTrailRecord> records, List<Duration> windowSizes) {
        List<Granularity> granularities = granularities(windowSizes);
        SingleOutputStreamOperator<ActivityCount> counts =
                records.process(new ToActivityCounts(granularities, LATE_RECORDS))
                        .returns(TypeInformation.of(ActivityCount.class))
                        .uid(UID_COUNTS)
                        .name("aggregate counts");

        DataStream<AggregateRow> rows = null;
        for (Granularity granularity : granularities) {
            DataStream<AggregateRow> windowed = attachWindow(counts, granularity);
            rows = rows == null ? windowed : rows.union(windowed);
        }
        return new ActivityAggregates(rows, counts.getSideOutput(LATE_RECORDS));
    }

    private static DataStream<AggregateRow> attachWindow(
            DataStream<ActivityCount> counts, Granularity granularity) {
        OutputTag<ActivityCount> lateCounts =
                new OutputTag<>(
                        "late-aggregate-" + granularity.name(),
                        TypeInformation.of(ActivityCount.class));
        SingleOutputStreamOperator<AggregateRow> rows =
                counts.keyBy(new ActivityKey(), Types.STRING)
                        .window(TumblingEventTimeWindows.of(granularity.size()))
                        .sideOutputLateData(lateCounts)
                        .aggregate(
                                new CountActivity(),
                                new ToAggregateRow(granularity),
                                TypeInformation.of(ActivityTotals.class),
                                TypeInformation.of(ActivityTotals.class),
                                TypeInformation.of(AggregateRow.class))
                        .uid("aggregate-window-" + granularity.name())
                        .name("aggregates per " + granularity.name());
        DataStream<AggregateRow> lateRows =
                rows.getSideOutput(lateCounts)
                        .process(new LateActivityRows(granularity))
                        .returns(TypeInformation.of(AggregateRow.class))
                        .uid("aggregate-late-rows-" + granularity.name())
                        .name("late aggregate rows per " + granularity.name());
        return rows.union(lateRows);
    }

    /** The granularities of the window sizes, refusing two sizes with the same name. */
    public static List<Granularity> granularities(List<Duration> windowSizes) {
        if (windowSizes.isEmpty()) {
            throw new IllegalArgumentException("aggregate window sizes: give at least one size");
        }
        List<Granularity> granularities = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (Duration size : windowSizes) {
            Granularity granularity = Granularity.of(size);
            if (!names.add(granularity.name())) {
                throw new IllegalArgumentException(
                        "aggregate window sizes: " + size + " is listed twice");
            }
            granularities.add(granularity);
        }
        return granularities;
    }

    /** One row per window, granularity, dimension and value (plus rare late rows). */
    public DataStream<AggregateRow> rows() {
        return rows;
    }

    /** Records that were behind the watermark for an aggregate window; never counted in rows. */
    public DataStream<CloudTrailRecord> lateRecords() {
        return lateRecords;
    }
}
