package io.trailwatch.aggregate;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.time.EmitAfterEachEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs {@link ActivityAggregates} over records in input order on the test's MiniCluster, with a
 * watermark that follows the newest event exactly (so a record older than one already seen is
 * behind it).
 */
final class AggregateRun {

    final List<AggregateRow> rows = new ArrayList<>();
    final List<CloudTrailRecord> late = new ArrayList<>();

    static AggregateRun streaming(List<CloudTrailRecord> records) throws Exception {
        return run(RuntimeExecutionMode.STREAMING, records);
    }

    static AggregateRun batch(List<CloudTrailRecord> records) throws Exception {
        return run(RuntimeExecutionMode.BATCH, records);
    }

    private static AggregateRun run(RuntimeExecutionMode mode, List<CloudTrailRecord> records)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(mode);
        env.setParallelism(2);
        WatermarkStrategy<CloudTrailRecord> newestEvent =
                WatermarkStrategy.<CloudTrailRecord>forMonotonousTimestamps()
                        .withTimestampAssigner((record, ignored) -> record.eventTimeMillis());
        DataStream<CloudTrailRecord> input =
                env.fromData(
                                TypeInformation.of(CloudTrailRecord.class),
                                records.toArray(new CloudTrailRecord[0]))
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(EmitAfterEachEvent.wrap(newestEvent))
                        .setParallelism(1);
        ActivityAggregates aggregates =
                ActivityAggregates.attach(input, ActivityAggregates.DEFAULT_WINDOW_SIZES);
        CloseableIterator<AggregateRow> rows = aggregates.rows().collectAsync();
        CloseableIterator<CloudTrailRecord> late = aggregates.lateRecords().collectAsync();
        JobClient job = env.executeAsync("aggregates test");
        AggregateRun run = new AggregateRun();
        try (rows;
                late) {
            rows.forEachRemaining(run.rows::add);
            late.forEachRemaining(run.late::add);
        }
        job.getJobExecutionResult().get();
        return run;
    }

    /** The row of one granularity, window start, dimension and value. */
    AggregateRow row(Granularity granularity, long windowStart, Dimension dimension, String value) {
        List<AggregateRow> found =
                rows.stream()
                        .filter(row -> row.granularity.equals(granularity.name()))
                        .filter(row -> row.windowStartMillis == windowStart)
                        .filter(row -> row.dimension.equals(dimension.outputName()))
                        .filter(row -> Objects.equals(row.value, value))
                        .toList();
        if (found.size() != 1) {
            throw new AssertionError(
                    found.size()
                            + " rows for "
                            + granularity.name()
                            + " "
                            + dimension
                            + "="
                            + value
                            + " in "
                            + rows);
        }
        return found.get(0);
    }

    /** Total events per granularity and dimension, e.g. {@code {minute={account=5, …}, …}}. */
    Map<String, Map<String, Long>> totals() {
        return rows.stream()
                .collect(
                        Collectors.groupingBy(
                                row -> row.granularity,
                                Collectors.groupingBy(
                                        row -> row.dimension,
                                        Collectors.summingLong(row -> row.events))));
    }

    static Map<String, Long> everyDimension(long events) {
        return java.util.Arrays.stream(Dimension.values())
                .collect(Collectors.toMap(Dimension::outputName, dimension -> events));
    }

    static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
