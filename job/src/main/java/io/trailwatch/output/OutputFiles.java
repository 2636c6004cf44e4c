package io.trailwatch.output;

import io.trailwatch.aggregate.ActivityAggregates;
import io.trailwatch.aggregate.AggregateJson;
import io.trailwatch.aggregate.AggregateRow;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordJson;
import io.trailwatch.pipeline.DetectionStreams;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;

/**
 * The file outputs of the pipeline, below one base path ({@code s3://bucket/prefix} or {@code
 * file:///dir}):
 *
 * <pre>
 * aggregates/&lt;granularity&gt;/dt=YYYY-MM-DD/hour=HH/aggregates-….jsonl.gz   by window start
 * alerts/dt=YYYY-MM-DD/hour=HH/alerts-….jsonl                          by first event time
 * late/dt=YYYY-MM-DD/hour=HH/late-….jsonl                              by event time
 * </pre>
 *
 * All three are Flink {@link FileSink}s: in a streaming job a file becomes visible only when the
 * checkpoint covering it completes (exactly-once; checkpointing must be on), in a batch job at the
 * end of the input. {@code deploy/athena/} has the matching tables.
 *
 * <p>Aggregates are gzip JSON Lines rather than Parquet: Flink's Parquet writer needs Hadoop's
 * {@code Configuration} and Parquet's Hadoop classes in the job jar (tens of MB, clashing with the
 * Hadoop that S3 file system plugins shade), while Athena reads gzip JSON Lines directly, and the
 * rows are a handful of small fields.
 *
 * <p>Late records are those the windowed patterns could not use and those too late for the
 * aggregate windows ({@link ActivityAggregates#lateRecords()}); a record late for both is written
 * once for each.
 */
public final class OutputFiles {

    static final String AGGREGATES = "aggregates";
    static final String ALERTS = "alerts";
    static final String LATE = "late";

    static final String UID_AGGREGATE_FILES = "aggregate-files";
    static final String UID_ALERT_FILES = "alert-files";
    static final String UID_LATE_FILES = "late-record-files";

    private OutputFiles() {}

    /** Attaches aggregates and the three file sinks to the pipeline's streams. */
    public static void attach(DetectionStreams streams, OutputSettings settings) {
        Path base = new Path(settings.basePath());
        ActivityAggregates aggregates =
                ActivityAggregates.attach(streams.records(), settings.windowSizes());

        writeAggregates(aggregates.rows(), new Path(base, AGGREGATES), settings.rolling());
        writeJsonLines(
                streams.alerts(),
                new Path(base, ALERTS),
                ALERTS,
                AlertJson::toJson,
                new AlertBuckets(),
                settings.rolling(),
                UID_ALERT_FILES);
        DataStream<CloudTrailRecord> late = streams.lateRecords().union(aggregates.lateRecords());
        writeJsonLines(
                late,
                new Path(base, LATE),
                LATE,
                RecordJson::toJson,
                new LateRecordBuckets(),
                settings.rolling(),
                UID_LATE_FILES);
    }

    private static void writeAggregates(
            DataStream<AggregateRow> rows, Path path, RollingSettings rolling) {
        FileSink<AggregateRow> sink =
                FileSink.forBulkFormat(path, new GzipJsonLines<>(AggregateJson::toJson))
                        .withBucketAssigner(new AggregateBuckets())
                        .withRollingPolicy(new CheckpointSizeAndAgeRollingPolicy<>(rolling))
                        .withOutputFileConfig(fileNames(AGGREGATES, ".jsonl.gz"))
                        .build();
        rows.sinkTo(sink).uid(UID_AGGREGATE_FILES).name("aggregate files");
    }

    private static <T> void writeJsonLines(
            DataStream<T> elements,
            Path path,
            String prefix,
            JsonLine<T> json,
            org.apache.flink.streaming.api.functions.sink.filesystem.BucketAssigner<T, String>
                    buckets,
            RollingSettings rolling,
            String uid) {
        FileSink<T> sink =
                FileSink.forRowFormat(path, new JsonLinesEncoder<>(json))
                        .withBucketAssigner(buckets)
                        .withRollingPolicy(
                                DefaultRollingPolicy.builder()
                                        .withMaxPartSize(new MemorySize(rolling.maxPartSizeBytes()))
                                        .withRolloverInterval(rolling.rolloverInterval())
                                        .withInactivityInterval(rolling.inactivityInterval())
                                        .build())
                        .withOutputFileConfig(fileNames(prefix, ".jsonl"))
                        .build();
        elements.sinkTo(sink).uid(uid).name(prefix + " files");
    }

    private static OutputFileConfig fileNames(String prefix, String suffix) {
        return OutputFileConfig.builder().withPartPrefix(prefix).withPartSuffix(suffix).build();
    }
}
