package io.trailwatch.savepoint;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.job.JobNames;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.CloudTrailPipeline;
import io.trailwatch.pipeline.DetectionStreams;
import io.trailwatch.pipeline.PipelineSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.jobmaster.JobResult;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.CommonTestUtils;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.InjectClusterClient;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pattern-set update as docs/pattern-updates.md does it: stop with a savepoint while a threshold
 * window is half full, restart from it with one pattern unchanged (A), one changed (B), one removed
 * (C) and one added (D). The unchanged pattern's window survives and fires on the event that
 * completes it; the changed and the new one start empty; the removed one's state is dropped, which
 * Flink allows only when told to ({@code allowNonRestoredState}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PatternChangeSavepointTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .setConfiguration(productionLikeState())
                            .build());

    private static final int PARALLELISM = 2;
    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(3);
    private static final PipelineSettings SETTINGS = PipelineSettings.defaults();

    private static final String A_UNCHANGED =
            pattern("console-failures", "ConsoleLogin", 3, "Failed authentication");
    private static final String B_BEFORE = pattern("bucket-deletions", "DeleteBucket", 3, null);
    private static final String B_CHANGED = pattern("bucket-deletions", "DeleteBucket", 2, null);
    private static final String C_REMOVED = pattern("trail-stops", "StopLogging", 2, null);
    private static final String D_ADDED = pattern("access-keys", "CreateAccessKey", 2, null);

    private static final PatternSet BEFORE = patterns(A_UNCHANGED, B_BEFORE, C_REMOVED);
    private static final PatternSet AFTER = patterns(A_UNCHANGED, B_CHANGED, D_ADDED);

    /** Before the savepoint: A's window two thirds full, one event each for B and C. */
    private static final List<String> BEFORE_SAVEPOINT =
            List.of(
                    event("a-1", "12:00:00", "ConsoleLogin", "Failed authentication"),
                    event("a-2", "12:01:00", "ConsoleLogin", "Failed authentication"),
                    event("b-1", "12:02:00", "DeleteBucket", null),
                    event("c-1", "12:03:00", "StopLogging", null));

    /**
     * After the restart: A's third event, B's second (enough for the new count of two only if B's
     * old state were wrongly kept), C's second (C is gone), two for D.
     */
    private static final List<String> AFTER_RESTART =
            List.of(
                    event("a-3", "12:04:00", "ConsoleLogin", "Failed authentication"),
                    event("b-2", "12:05:00", "DeleteBucket", null),
                    event("c-2", "12:06:00", "StopLogging", null),
                    event("d-1", "12:06:30", "CreateAccessKey", null),
                    event("d-2", "12:07:00", "CreateAccessKey", null));

    @BeforeEach
    void clearAlerts() {
        CollectedAlerts.clear();
    }

    /** A job held at the gate by a failed assertion would keep the slots from the next test. */
    @AfterEach
    void cancelLeftoverJobs(@InjectClusterClient ClusterClient<?> cluster) throws Exception {
        for (JobStatusMessage job : cluster.listJobs().get()) {
            if (!job.getJobState().isGloballyTerminalState()) {
                cluster.cancel(job.getJobId()).get();
            }
        }
    }

    @Test
    void unchangedPatternFiresFromItsRestoredWindowWhileChangedAndNewPatternsStartEmpty(
            @TempDir Path savepoints,
            @InjectClusterClient ClusterClient<?> cluster,
            @InjectMiniCluster MiniCluster miniCluster)
            throws Exception {
        ScriptedEvents.reset(concat(BEFORE_SAVEPOINT, AFTER_RESTART));
        JobID first = cluster.submitJob(job(BEFORE, SavepointRestoreSettings.none())).get();
        CommonTestUtils.waitForAllTaskRunning(miniCluster, first, false);
        ScriptedEvents.release(BEFORE_SAVEPOINT.size());
        awaitEmitted(BEFORE_SAVEPOINT.size());

        String savepoint =
                cluster.stopWithSavepoint(
                                first,
                                false,
                                savepoints.toUri().toString(),
                                SavepointFormatType.CANONICAL)
                        .get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(CollectedAlerts.all())
                .as("no window was complete before the savepoint")
                .isEmpty();

        JobResult strict = run(cluster, job(AFTER, SavepointRestoreSettings.forPath(savepoint)));
        assertThat(strict.isSuccess()).as("restore that may not drop state").isFalse();
        assertThat(failureOf(strict)).contains("allowNonRestoredState");

        ScriptedEvents.releaseAll();
        JobResult restored =
                run(cluster, job(AFTER, SavepointRestoreSettings.forPath(savepoint, true)));

        assertThat(restored.isSuccess()).as(failureOf(restored)).isTrue();
        assertThat(eventIdsOf("console-failures"))
                .as("A's in-flight window survived the savepoint")
                .containsExactly(List.of("a-1", "a-2", "a-3"));
        assertThat(eventIdsOf("bucket-deletions"))
                .as("B changed: started empty, one new event is not two")
                .isEmpty();
        assertThat(eventIdsOf("trail-stops")).as("C removed").isEmpty();
        assertThat(eventIdsOf("access-keys"))
                .as("D added and working")
                .containsExactly(List.of("d-1", "d-2"));
    }

    /** The control: the same update without the savepoint loses A's window. */
    @Test
    void withoutTheSavepointTheHalfFullWindowIsLost(@InjectClusterClient ClusterClient<?> cluster)
            throws Exception {
        ScriptedEvents.reset(AFTER_RESTART);
        ScriptedEvents.releaseAll();

        JobResult fresh = run(cluster, job(AFTER, SavepointRestoreSettings.none()));

        assertThat(fresh.isSuccess()).as(failureOf(fresh)).isTrue();
        assertThat(eventIdsOf("console-failures")).isEmpty();
        assertThat(eventIdsOf("access-keys")).containsExactly(List.of("d-1", "d-2"));
    }

    /**
     * The job as {@code run} builds it ({@link io.trailwatch.job.StreamingJob}: source, {@link
     * CloudTrailPipeline}, alert sink, with the same uids), with the scripted source held to one
     * reader and a collecting sink.
     */
    private static StreamGraph job(PatternSet patterns, SavepointRestoreSettings restore) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(Duration.ofMillis(500).toMillis());
        // No periodic watermarks: the watermark moves only at the end of the script. Windows stay
        // open across the savepoint (A's first events wait in the CEP operator's state), and no
        // delivery stream is ever marked idle, so no record can overtake the final watermark on
        // an idle channel and count as late.
        env.getConfig().setAutoWatermarkInterval(0);
        // One reader, so the script's order is the order of emission.
        DataStream<CloudTrailRecord> records =
                env.fromSource(
                                ScriptedEvents.source(),
                                WatermarkStrategy.noWatermarks(),
                                "scripted CloudTrail records")
                        .uid(JobNames.UID_SOURCE)
                        .setParallelism(1);
        DetectionStreams detections = new CloudTrailPipeline(patterns, SETTINGS).attach(records);
        detections
                .alerts()
                .sinkTo(new CollectedAlerts())
                .uid(JobNames.UID_ALERT_SINK)
                .name("alerts");
        StreamGraph graph = env.getStreamGraph();
        graph.setSavepointRestoreSettings(restore);
        return graph;
    }

    private static JobResult run(ClusterClient<?> cluster, StreamGraph job) throws Exception {
        JobID id = cluster.submitJob(job).get();
        return cluster.requestJobResult(id).get(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private static void awaitEmitted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
        while (ScriptedEvents.emitted() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the source emitted " + ScriptedEvents.emitted() + " of " + count);
            }
            Thread.sleep(20);
        }
    }

    private static List<List<String>> eventIdsOf(String patternId) {
        List<List<String>> alerts = new ArrayList<>();
        for (Alert alert : CollectedAlerts.all()) {
            if (alert.patternId.equals(patternId)) {
                alerts.add(Arrays.asList(alert.eventIds));
            }
        }
        return alerts;
    }

    private static String failureOf(JobResult result) {
        return result.getSerializedThrowable()
                .map(
                        thrown ->
                                thrown.getFullStringifiedStackTrace()
                                        + thrown.getOriginalErrorClassName())
                .orElse("no failure");
    }

    /** RocksDB state, as in deploy/flink; a failed restore fails the test instead of retrying. */
    private static Configuration productionLikeState() {
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        return config;
    }

    private static String pattern(String id, String eventName, int count, String errorMessage) {
        String filter =
                errorMessage == null
                        ? "{ $.eventName = " + eventName + " }"
                        : "{ ($.eventName = "
                                + eventName
                                + ") && ($.errorMessage = \""
                                + errorMessage
                                + "\") }";
        return String.join(
                "\n",
                "id: " + id,
                "title: " + id,
                "severity: medium",
                "threshold:",
                "  filter: '" + filter + "'",
                "  count: " + count,
                "  within: 10m",
                "");
    }

    private static PatternSet patterns(String... documents) {
        String yaml = String.join("---\n", documents);
        try {
            return PatternLoader.load(
                    new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                    "savepoint-test.yaml");
        } catch (Exception e) {
            throw new IllegalStateException("test patterns do not validate: " + e.getMessage(), e);
        }
    }

    private static String event(String id, String time, String eventName, String errorMessage) {
        return "{\"eventID\": \""
                + id
                + "\", \"eventTime\": \"2024-05-06T"
                + time
                + "Z\", \"eventSource\": \"example.amazonaws.com\", \"eventName\": \""
                + eventName
                + "\", \"awsRegion\": \"eu-west-1\", \"recipientAccountId\": \"111122223333\""
                + (errorMessage == null ? "" : ", \"errorMessage\": \"" + errorMessage + "\"")
                + "}";
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
