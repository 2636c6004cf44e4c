package io.trailwatch.pipeline;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.LocalLogFiles;
import io.trailwatch.cloudtrail.ReadLimits;
import io.trailwatch.output.OutputFiles;
import io.trailwatch.output.OutputSettings;
import io.trailwatch.pattern.PatternSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.NettyShuffleEnvironmentOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.operators.collect.CollectSinkOperatorFactory;
import org.apache.flink.util.CloseableIterator;

/**
 * A bounded run of the pipeline over local CloudTrail files and directories, in batch execution
 * mode: the whole input is known, so no record is late and the alerts do not depend on the order in
 * which files are read. Used by {@code detect} and by tests.
 */
public final class LocalDetection {

    static final String RECORDS_ACCUMULATOR = "records";

    /** Orders alerts so that two runs over the same input print the same lines. */
    public static final Comparator<Alert> OUTPUT_ORDER =
            Comparator.<Alert>comparingLong(alert -> alert.firstEventTimeMillis)
                    .thenComparing(alert -> alert.patternId)
                    .thenComparing(alert -> alert.alertId);

    private final PatternSet patterns;
    private final PipelineSettings settings;
    private final int parallelism;
    private final OutputSettings outputs;
    private final ReadLimits readLimits;

    public LocalDetection(PatternSet patterns, PipelineSettings settings, int parallelism) {
        this(patterns, settings, parallelism, null, ReadLimits.DEFAULTS);
    }

    private LocalDetection(
            PatternSet patterns,
            PipelineSettings settings,
            int parallelism,
            OutputSettings outputs,
            ReadLimits readLimits) {
        this.patterns = patterns;
        this.settings = settings;
        this.parallelism = parallelism;
        this.outputs = outputs;
        this.readLimits = readLimits;
    }

    /**
     * Also writes aggregates, alerts and late records as files ({@link OutputFiles}); they are
     * complete when {@link #run} returns.
     */
    public LocalDetection withOutputs(OutputSettings outputs) {
        return new LocalDetection(patterns, settings, parallelism, outputs, readLimits);
    }

    /** Reads the files within these limits instead of {@link ReadLimits#DEFAULTS}. */
    public LocalDetection withReadLimits(ReadLimits limits) {
        return new LocalDetection(patterns, settings, parallelism, outputs, limits);
    }

    /**
     * What a run found: its alerts in {@link #OUTPUT_ORDER}, how many valid records it read, how
     * many records it skipped as malformed (e.g. no ISO-8601 eventTime), and how many files it
     * could not read at all (each one logged with its problem).
     */
    public record Result(
            List<Alert> alerts, long records, long malformedRecords, long failedFiles) {}

    public Result run(List<Path> logs) throws Exception {
        RunCounters counters = new RunCounters();
        try {
            return run(logs, counters);
        } finally {
            counters.close();
        }
    }

    private Result run(List<Path> logs, RunCounters counters) throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(
                        counters.register(localClusterConfig()));
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(parallelism);

        org.apache.flink.core.fs.Path[] inputs =
                logs.stream()
                        .map(path -> org.apache.flink.core.fs.Path.fromLocalFile(path.toFile()))
                        .toArray(org.apache.flink.core.fs.Path[]::new);
        DataStream<CloudTrailRecord> records =
                LocalLogFiles.read(env, readLimits, inputs)
                        .map(new CountRecords())
                        .name("count records");

        DetectionStreams streams = new CloudTrailPipeline(patterns, settings).attach(records);
        if (outputs != null) {
            OutputFiles.attach(streams, outputs);
        }
        CloseableIterator<Alert> results = streams.alerts().collectAsync();
        JobClient job = env.executeAsync("trailwatch detect");
        List<Alert> alerts = new ArrayList<>();
        try (results) {
            results.forEachRemaining(alerts::add);
        }
        JobExecutionResult result = job.getJobExecutionResult().get();
        alerts.sort(OUTPUT_ORDER);
        Long count = result.getAccumulatorResult(RECORDS_ACCUMULATOR);
        return new Result(
                alerts,
                count == null ? 0 : count,
                counters.sum("recordsMalformed"),
                counters.sum("filesFailed"));
    }

    /**
     * Batch execution sorts the input of every keyed operator in managed memory, and each of them
     * gets an equal share of it. Flink's local default, 128 MB for the whole cluster, leaves a few
     * MB per operator, so a pattern fed most of the records (mass-discovery reads every List,
     * Describe and Get call) spills its sort to disk. The memory is only taken while sorting.
     */
    static final MemorySize SORT_MEMORY = MemorySize.ofMebiBytes(1024);

    /**
     * Alerts reach {@code detect} through Flink's collect sink, which hands them over in batches of
     * at most this much, one request each; 29,000 alerts are ~40 MB.
     */
    static final MemorySize RESULT_BATCH = MemorySize.ofMebiBytes(64);

    private static Configuration localClusterConfig() {
        Configuration config = new Configuration();
        config.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, SORT_MEMORY);
        // Shuffle data stays on this machine: compressing it only costs the readers' CPU.
        config.set(
                NettyShuffleEnvironmentOptions.SHUFFLE_COMPRESSION_CODEC,
                NettyShuffleEnvironmentOptions.CompressionCodec.NONE);
        config.set(CollectSinkOperatorFactory.MAX_BATCH_SIZE, RESULT_BATCH);
        return config;
    }

    /** Counts the records read, for the summary line; chained to the source, so nearly free. */
    static final class CountRecords extends RichMapFunction<CloudTrailRecord, CloudTrailRecord> {
        private static final long serialVersionUID = 1L;
        private transient LongCounter records;

        @Override
        public void open(OpenContext openContext) {
            records = new LongCounter();
            getRuntimeContext().addAccumulator(RECORDS_ACCUMULATOR, records);
        }

        @Override
        public CloudTrailRecord map(CloudTrailRecord record) {
            records.add(1);
            return record;
        }
    }
}
