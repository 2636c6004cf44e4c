package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.T0;
import static io.trailwatch.detect.windowed.TestEvents.failedLogin;
import static io.trailwatch.detect.windowed.TestEvents.successfulLogin;
import static io.trailwatch.detect.windowed.TestPatterns.FAILED_LOGIN;
import static io.trailwatch.detect.windowed.TestPatterns.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Count thresholds (DESIGN §5), in batch and streaming execution alike. */
class ThresholdTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final PatternDefinition THREE_FAILURES =
            threshold("console-signin-failures", FAILED_LOGIN, 3, FIVE_MINUTES);

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void threeFailuresWithinFiveMinutesFireOnce(RuntimeExecutionMode mode) throws Exception {
        CloudTrailRecord first = failedLogin("alice", T0);
        CloudTrailRecord second = failedLogin("alice", T0.plusSeconds(60));
        CloudTrailRecord third = failedLogin("alice", T0.plusSeconds(120));

        WindowedRun run =
                run(
                        mode,
                        List.of(
                                first,
                                successfulLogin("alice", T0.plusSeconds(90)),
                                second,
                                third));

        assertThat(run.alerts).hasSize(1);
        Alert alert = run.alerts.get(0);
        assertThat(alert.patternId).isEqualTo("console-signin-failures");
        assertThat(alert.count).isEqualTo(3);
        assertThat(alert.eventIds)
                .containsExactly(first.eventId(), second.eventId(), third.eventId());
        assertThat(alert.groupKeys).containsExactly("$.recipientAccountId");
        assertThat(alert.groupValues).containsExactly(TestEvents.ACCOUNT);
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void twoFailuresDoNotFire(RuntimeExecutionMode mode) throws Exception {
        WindowedRun run =
                run(
                        mode,
                        List.of(
                                failedLogin("alice", T0),
                                failedLogin("alice", T0.plusSeconds(10))));

        assertThat(run.alerts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void aSpanOfExactlyWithinIsInside(RuntimeExecutionMode mode) throws Exception {
        WindowedRun exactly =
                run(
                        mode,
                        List.of(
                                failedLogin("alice", T0),
                                failedLogin("alice", T0.plusSeconds(150)),
                                failedLogin("alice", T0.plus(FIVE_MINUTES))));
        WindowedRun oneSecondMore =
                run(
                        mode,
                        List.of(
                                failedLogin("alice", T0),
                                failedLogin("alice", T0.plusSeconds(150)),
                                failedLogin("alice", T0.plus(FIVE_MINUTES).plusSeconds(1))));

        assertThat(exactly.alerts).hasSize(1);
        assertThat(oneSecondMore.alerts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void eventsOfAnAlertAreConsumed(RuntimeExecutionMode mode) throws Exception {
        List<CloudTrailRecord> five =
                List.of(
                        failedLogin("alice", T0),
                        failedLogin("alice", T0.plusSeconds(10)),
                        failedLogin("alice", T0.plusSeconds(20)),
                        failedLogin("alice", T0.plusSeconds(30)),
                        failedLogin("alice", T0.plusSeconds(40)));
        WindowedRun run = run(mode, five);

        assertThat(run.eventIds()).containsExactly(ids(five.subList(0, 3)));

        List<CloudTrailRecord> six = new java.util.ArrayList<>(five);
        six.add(failedLogin("alice", T0.plusSeconds(50)));
        assertThat(run(mode, six).eventIds())
                .containsExactly(ids(six.subList(0, 3)), ids(six.subList(3, 6)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void slidesToTheFirstEventsThatFit(RuntimeExecutionMode mode) throws Exception {
        CloudTrailRecord early = failedLogin("alice", T0);
        List<CloudTrailRecord> inWindow =
                List.of(
                        failedLogin("alice", T0.plusSeconds(400)),
                        failedLogin("alice", T0.plusSeconds(500)),
                        failedLogin("alice", T0.plusSeconds(600)));
        List<CloudTrailRecord> records = new java.util.ArrayList<>(inWindow);
        records.add(0, early);

        assertThat(run(mode, records).eventIds()).containsExactly(ids(inWindow));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void groupsCountSeparately(RuntimeExecutionMode mode) throws Exception {
        List<CloudTrailRecord> records =
                List.of(
                        failedLogin("alice", T0),
                        TestEvents.event("ConsoleLogin", T0.plusSeconds(1))
                                .user("bob")
                                .error("Failed authentication")
                                .account(TestEvents.OTHER_ACCOUNT)
                                .build(),
                        failedLogin("alice", T0.plusSeconds(2)),
                        TestEvents.event("ConsoleLogin", T0.plusSeconds(3))
                                .user("bob")
                                .error("Failed authentication")
                                .account(TestEvents.OTHER_ACCOUNT)
                                .build());

        assertThat(run(mode, records).alerts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void outOfOrderInputGivesTheSameAlert(RuntimeExecutionMode mode) throws Exception {
        CloudTrailRecord first = failedLogin("alice", T0);
        CloudTrailRecord second = failedLogin("alice", T0.plusSeconds(60));
        CloudTrailRecord third = failedLogin("alice", T0.plusSeconds(120));

        WindowedRun run = run(mode, List.of(third, first, second));

        assertThat(run.eventIds()).containsExactly(ids(List.of(first, second, third)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void aDuplicateEventCountsOnce(RuntimeExecutionMode mode) throws Exception {
        CloudTrailRecord first = failedLogin("alice", T0);
        CloudTrailRecord again =
                TestEvents.event("ConsoleLogin", T0)
                        .user("alice")
                        .error("Failed authentication")
                        .id(first.eventId())
                        .from("other-file.json", 7)
                        .build();
        CloudTrailRecord second = failedLogin("alice", T0.plusSeconds(60));

        assertThat(run(mode, List.of(first, again, second)).alerts).isEmpty();
        CloudTrailRecord third = failedLogin("alice", T0.plusSeconds(61));
        assertThat(run(mode, List.of(first, again, second, third)).eventIds())
                .containsExactly(ids(List.of(first, second, third)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void aBurstOfThousandsOfEventsSlidesItsWindowToTheOneAlert(RuntimeExecutionMode mode)
            throws Exception {
        PatternDefinition twoThousandFailures =
                threshold("failure-storm", FAILED_LOGIN, 2000, FIVE_MINUTES);
        // Until 10:10 one failure every 200 ms: any five minutes hold 1,501. Then one every 50 ms:
        // failure 3,666 (10:10:33.300) is the first whose five minutes hold 2,000, reaching back
        // to failure 1,667 (10:05:33.400). The 1,333 failures after the alert are too few.
        int burst = 5000;
        int firstDense = 3000;
        List<CloudTrailRecord> records = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            long millis = i < firstDense ? 200L * i : 200L * firstDense + 50L * (i - firstDense);
            records.add(failedLogin("alice", T0.plusMillis(millis)));
        }

        WindowedRun run =
                mode == RuntimeExecutionMode.BATCH
                        ? WindowedRun.batch(records, twoThousandFailures)
                        : WindowedRun.streaming(records, twoThousandFailures);

        assertThat(run.eventIds()).containsExactly(ids(records.subList(1667, 3667)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void filtersInTheCloudWatchSyntaxCompileWithTheRealCompiler(RuntimeExecutionMode mode)
            throws Exception {
        PatternDefinition realFilter =
                threshold(
                        WindowedRun.REAL_FILTERS_PREFIX + "console-signin-failures",
                        "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }",
                        3,
                        FIVE_MINUTES);
        List<CloudTrailRecord> records =
                List.of(
                        failedLogin("alice", T0),
                        successfulLogin("alice", T0.plusSeconds(1)),
                        failedLogin("alice", T0.plusSeconds(2)),
                        failedLogin("alice", T0.plusSeconds(3)));

        WindowedRun run =
                mode == RuntimeExecutionMode.BATCH
                        ? WindowedRun.batch(records, realFilter)
                        : WindowedRun.streaming(records, realFilter);

        assertThat(run.eventIds())
                .containsExactly(ids(List.of(records.get(0), records.get(2), records.get(3))));
    }

    static WindowedRun run(RuntimeExecutionMode mode, List<CloudTrailRecord> records)
            throws Exception {
        return mode == RuntimeExecutionMode.BATCH
                ? WindowedRun.batch(records, THREE_FAILURES)
                : WindowedRun.streaming(records, THREE_FAILURES);
    }

    static List<String> ids(List<CloudTrailRecord> records) {
        return records.stream().map(CloudTrailRecord::eventId).toList();
    }
}
