package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.EU_WEST_1;
import static io.trailwatch.detect.windowed.TestEvents.T0;
import static io.trailwatch.detect.windowed.TestEvents.US_EAST_1;
import static io.trailwatch.detect.windowed.TestEvents.event;
import static io.trailwatch.detect.windowed.TestPatterns.FAILED_LOGIN;
import static io.trailwatch.detect.windowed.TestPatterns.threshold;
import static io.trailwatch.detect.windowed.ThresholdTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import io.trailwatch.time.CloudTrailWatermarks;
import io.trailwatch.time.EmitAfterEachEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Event time across delivery streams: out-of-order delivery, late records (DESIGN §1). */
class EventTimeTest {

    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final List<String> BY_USER = List.of("$.userIdentity.userName");
    private static final PatternDefinition BRUTE_FORCE_PER_USER =
            threshold(
                    "brute-force-per-user",
                    FAILED_LOGIN,
                    3,
                    Duration.ofMinutes(5),
                    BY_USER,
                    null,
                    null);

    /**
     * Moves the watermark at every record, so the test controls exactly what is late; a bound of
     * five minutes makes the watermark pass alice's failures before the input ends.
     */
    private static final WatermarkStrategy<CloudTrailRecord> WATERMARKS =
            EmitAfterEachEvent.wrap(
                    CloudTrailWatermarks.forDeliveryStreams(
                            Duration.ofMinutes(5), Duration.ofMinutes(30)));

    // alice and bob fail in two regions; each region's events arrive in its own files, every file
    // out of order inside, the regions' files interleaved and eu-west-1 behind us-east-1.
    private static final CloudTrailRecord ALICE_1 = failed("alice", US_EAST_1, 60);
    private static final CloudTrailRecord ALICE_2 = failed("alice", EU_WEST_1, 180);
    private static final CloudTrailRecord ALICE_3 = failed("alice", EU_WEST_1, 240);
    private static final CloudTrailRecord ALICE_4 = failed("alice", US_EAST_1, 360);
    private static final CloudTrailRecord BOB_1 = failed("bob", EU_WEST_1, 120);
    private static final CloudTrailRecord BOB_2 = failed("bob", US_EAST_1, 420);
    private static final CloudTrailRecord BOB_3 = failed("bob", EU_WEST_1, 480);
    private static final CloudTrailRecord BOB_4 = failed("bob", US_EAST_1, 540);
    private static final CloudTrailRecord CAROL = failed("carol", EU_WEST_1, 200);

    private static final List<CloudTrailRecord> DELIVERED =
            List.of(
                    // us-east-1, 10:00-10:05
                    signin("dave", US_EAST_1, 250),
                    ALICE_1,
                    // eu-west-1, 10:00-10:05
                    ALICE_3,
                    CAROL,
                    BOB_1,
                    ALICE_2,
                    // us-east-1, 10:05-10:10
                    BOB_4,
                    ALICE_4,
                    BOB_2,
                    // us-east-1, 10:10-10:15: eu-west-1 still holds the watermark at 10:04
                    signin("dave", US_EAST_1, 700),
                    // eu-west-1, 10:05-10:10
                    BOB_3,
                    signin("erin", EU_WEST_1, 590));

    @Test
    void outOfOrderDeliveryAcrossTwoRegionsYieldsExactlyTheExpectedAlerts() throws Exception {
        WindowedRun streaming =
                WindowedRun.run(
                        RuntimeExecutionMode.STREAMING,
                        WATERMARKS,
                        2,
                        DELIVERED,
                        BRUTE_FORCE_PER_USER);
        WindowedRun batch =
                WindowedRun.run(
                        RuntimeExecutionMode.BATCH, WATERMARKS, 2, DELIVERED, BRUTE_FORCE_PER_USER);

        List<List<String>> expected =
                List.of(ids(List.of(ALICE_1, ALICE_2, ALICE_3)), ids(List.of(BOB_2, BOB_3, BOB_4)));
        assertThat(streaming.late).isEmpty();
        assertThat(streaming.eventIds()).containsExactlyElementsOf(expected);
        assertThat(batch.eventIds()).containsExactlyElementsOf(expected);
        assertThat(streaming.alerts).containsExactlyElementsOf(batch.alerts);
    }

    @Test
    void aRecordBehindTheWatermarkGoesToTheLateOutputAndIsCounted() throws Exception {
        CloudTrailRecord onTime = failed("alice", US_EAST_1, 0);
        CloudTrailRecord anHourLater = failed("alice", US_EAST_1, 3600);
        CloudTrailRecord late = failed("alice", US_EAST_1, 60);

        WindowedRun run =
                WindowedRun.run(
                        RuntimeExecutionMode.STREAMING,
                        WATERMARKS,
                        1,
                        List.of(onTime, anHourLater, late),
                        BRUTE_FORCE_PER_USER);

        assertThat(run.late).containsExactly(late);
        assertThat(run.alerts).isEmpty();
        Counter counter = (Counter) METRICS.findMetric(run.jobId, "lateRecords").orElseThrow();
        assertThat(counter.getCount()).isEqualTo(1);
    }

    @Test
    void batchExecutionHasNoLateRecords() throws Exception {
        CloudTrailRecord first = failed("alice", US_EAST_1, 3600);
        List<CloudTrailRecord> records =
                List.of(
                        first,
                        failed("alice", US_EAST_1, 0),
                        failed("alice", US_EAST_1, 60),
                        failed("alice", US_EAST_1, 120));

        WindowedRun run =
                WindowedRun.run(
                        RuntimeExecutionMode.BATCH, WATERMARKS, 2, records, BRUTE_FORCE_PER_USER);

        assertThat(run.late).isEmpty();
        assertThat(run.eventIds()).containsExactly(ids(records.subList(1, 4)));
    }

    private static CloudTrailRecord failed(String user, String region, int secondsAfterT0) {
        return event("ConsoleLogin", at(secondsAfterT0))
                .user(user)
                .region(region)
                .error("Failed authentication")
                .build();
    }

    private static CloudTrailRecord signin(String user, String region, int secondsAfterT0) {
        return event("ConsoleLogin", at(secondsAfterT0)).user(user).region(region).build();
    }

    private static Instant at(int secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }
}
