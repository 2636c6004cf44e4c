package io.trailwatch.detect.windowed;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import io.trailwatch.time.CloudTrailWatermarks;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/** Runs {@link WindowedDetections} over a list of records on the test's MiniCluster. */
final class WindowedRun {

    static final Clock DETECTED_AT =
            Clock.fixed(Instant.parse("2024-03-02T00:00:00Z"), ZoneOffset.UTC);

    /** Patterns whose id starts with this are compiled with the real filter-pattern compiler. */
    static final String REAL_FILTERS_PREFIX = "real-";

    final List<Alert> alerts = new ArrayList<>();
    final List<CloudTrailRecord> late = new ArrayList<>();
    JobID jobId;

    static WindowedRun batch(List<CloudTrailRecord> records, PatternDefinition... patterns)
            throws Exception {
        return run(
                RuntimeExecutionMode.BATCH,
                CloudTrailWatermarks.forDeliveryStreams(),
                2,
                records,
                patterns);
    }

    static WindowedRun streaming(List<CloudTrailRecord> records, PatternDefinition... patterns)
            throws Exception {
        return run(
                RuntimeExecutionMode.STREAMING,
                CloudTrailWatermarks.forDeliveryStreams(),
                2,
                records,
                patterns);
    }

    static WindowedRun run(
            RuntimeExecutionMode mode,
            WatermarkStrategy<CloudTrailRecord> watermarks,
            int parallelism,
            List<CloudTrailRecord> records,
            PatternDefinition... patterns)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(mode);
        env.setParallelism(parallelism);
        DataStream<CloudTrailRecord> input =
                env.fromData(
                                TypeInformation.of(CloudTrailRecord.class),
                                records.toArray(new CloudTrailRecord[0]))
                        .setParallelism(1)
                        .assignTimestampsAndWatermarks(watermarks)
                        .setParallelism(1);
        return run(env, input, patterns);
    }

    static WindowedRun run(
            StreamExecutionEnvironment env,
            DataStream<CloudTrailRecord> input,
            PatternDefinition... patterns)
            throws Exception {
        boolean realFilters =
                Arrays.stream(patterns).anyMatch(p -> p.id().startsWith(REAL_FILTERS_PREFIX));
        AlertFactory alerts = new AlertFactory(DETECTED_AT);
        WindowedDetections detections =
                realFilters
                        ? WindowedDetections.attach(input, List.of(patterns), alerts)
                        : WindowedDetections.attach(
                                input, List.of(patterns), alerts, TestPatterns.FIELDS_EQUAL);
        WindowedRun run = new WindowedRun();
        try (CloseableIterator<Alert> collected = detections.alerts().collectAsync();
                CloseableIterator<CloudTrailRecord> late =
                        detections.lateRecords().collectAsync()) {
            run.jobId = env.execute("windowed detections test").getJobID();
            collected.forEachRemaining(run.alerts::add);
            late.forEachRemaining(run.late::add);
        }
        run.alerts.sort(
                Comparator.comparing((Alert a) -> a.patternId)
                        .thenComparing(a -> a.firstEventTimeMillis)
                        .thenComparing(a -> a.alertId));
        return run;
    }

    /** Each alert's event ids, e.g. {@code [[event-1, event-2, event-3]]}. */
    List<List<String>> eventIds() {
        List<List<String>> ids = new ArrayList<>();
        for (Alert alert : alerts) {
            ids.add(List.of(alert.eventIds));
        }
        return ids;
    }
}
