package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.T0;
import static io.trailwatch.detect.windowed.TestEvents.event;
import static io.trailwatch.detect.windowed.TestEvents.failedLogin;
import static io.trailwatch.detect.windowed.TestEvents.successfulLogin;
import static io.trailwatch.detect.windowed.TestPatterns.FAILED_LOGIN;
import static io.trailwatch.detect.windowed.TestPatterns.absent;
import static io.trailwatch.detect.windowed.TestPatterns.sequence;
import static io.trailwatch.detect.windowed.TestPatterns.step;
import static io.trailwatch.detect.windowed.TestPatterns.steps;
import static io.trailwatch.detect.windowed.ThresholdTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Sequence patterns (DESIGN §5), in batch and streaming execution alike. */
class SequenceTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
    private static final List<String> BY_IP = List.of("$.sourceIPAddress");
    private static final String SUCCESS =
            "eventName=ConsoleLogin & responseElements.ConsoleLogin=Success";
    private static final String LOGIN_WITHOUT_ERROR =
            "eventName=ConsoleLogin & userIdentity.type=IAMUser";

    /** Two failed sign-ins, then a success from the same IP. */
    private static final PatternDefinition FAILURES_THEN_SUCCESS =
            sequence(
                    "failures-then-success",
                    TEN_MINUTES,
                    BY_IP,
                    steps("failures", FAILED_LOGIN, 2),
                    step("success", "eventName=StopLogging"));

    private static final PatternDefinition STOP_THEN_NO_START =
            sequence(
                    "trail-stopped-not-restarted",
                    TEN_MINUTES,
                    BY_IP,
                    step("stopped", "eventName=StopLogging"),
                    absent("restarted", "eventName=StartLogging"));

    private static final PatternDefinition CREATE_ATTACH_KEY =
            sequence(
                    "new-admin-with-key",
                    TEN_MINUTES,
                    BY_IP,
                    step("user", "eventName=CreateUser"),
                    step("policy", "eventName=AttachUserPolicy"),
                    step("key", "eventName=CreateAccessKey"));

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void stepsInOrderWithOtherEventsBetweenFire(RuntimeExecutionMode mode) throws Exception {
        CloudTrailRecord create = event("CreateUser", T0).build();
        CloudTrailRecord attach = event("AttachUserPolicy", T0.plusSeconds(60)).build();
        CloudTrailRecord key = event("CreateAccessKey", T0.plusSeconds(120)).build();
        List<CloudTrailRecord> records =
                List.of(
                        create,
                        event("ListUsers", T0.plusSeconds(30)).build(),
                        attach,
                        successfulLogin("bob", T0.plusSeconds(90)),
                        key);

        assertThat(run(mode, CREATE_ATTACH_KEY, records).eventIds())
                .containsExactly(ids(List.of(create, attach, key)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void stepsOutOfOrderDoNotFire(RuntimeExecutionMode mode) throws Exception {
        List<CloudTrailRecord> records =
                List.of(
                        event("AttachUserPolicy", T0).build(),
                        event("CreateUser", T0.plusSeconds(60)).build(),
                        event("CreateAccessKey", T0.plusSeconds(120)).build());

        assertThat(run(mode, CREATE_ATTACH_KEY, records).alerts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void stepsBeyondTheSpanDoNotFire(RuntimeExecutionMode mode) throws Exception {
        List<CloudTrailRecord> exactly =
                List.of(
                        event("CreateUser", T0).build(),
                        event("AttachUserPolicy", T0.plusSeconds(60)).build(),
                        event("CreateAccessKey", T0.plus(TEN_MINUTES)).build());
        List<CloudTrailRecord> tooLate =
                List.of(
                        event("CreateUser", T0).build(),
                        event("AttachUserPolicy", T0.plusSeconds(60)).build(),
                        event("CreateAccessKey", T0.plus(TEN_MINUTES).plusSeconds(1)).build());

        assertThat(run(mode, CREATE_ATTACH_KEY, exactly).alerts).hasSize(1);
        assertThat(run(mode, CREATE_ATTACH_KEY, tooLate).alerts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void equalEventTimesKeepInputOrder(RuntimeExecutionMode mode) throws Exception {
        // Same second, in input order create → attach → key: a sequence. Reversed positions: none.
        List<CloudTrailRecord> inOrder =
                List.of(
                        event("CreateUser", T0).from("file-a.json", 1).build(),
                        event("AttachUserPolicy", T0).from("file-a.json", 2).build(),
                        event("CreateAccessKey", T0).from("file-a.json", 3).build());
        List<CloudTrailRecord> reversed =
                List.of(
                        event("CreateUser", T0).from("file-a.json", 3).build(),
                        event("AttachUserPolicy", T0).from("file-a.json", 2).build(),
                        event("CreateAccessKey", T0).from("file-a.json", 1).build());

        assertThat(run(mode, CREATE_ATTACH_KEY, inOrder).alerts).hasSize(1);
        assertThat(run(mode, CREATE_ATTACH_KEY, reversed).alerts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void aStepCountTakesExactlyThatManyEventsAndOverlapsAreDropped(RuntimeExecutionMode mode)
            throws Exception {
        CloudTrailRecord f1 = failedLogin("alice", T0);
        CloudTrailRecord f2 = failedLogin("alice", T0.plusSeconds(10));
        CloudTrailRecord f3 = failedLogin("alice", T0.plusSeconds(20));
        CloudTrailRecord stop = event("StopLogging", T0.plusSeconds(30)).build();
        CloudTrailRecord secondStop = event("StopLogging", T0.plusSeconds(40)).build();

        WindowedRun run = run(mode, FAILURES_THEN_SUCCESS, List.of(f1, f2, f3, stop, secondStop));

        // f1 f2 stop matches; f2 f3 overlaps it and is dropped, so the second stop has no failures.
        assertThat(run.eventIds()).containsExactly(ids(List.of(f1, f2, stop)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void oneFailureIsNotEnoughForACountOfTwo(RuntimeExecutionMode mode) throws Exception {
        List<CloudTrailRecord> records =
                List.of(failedLogin("alice", T0), event("StopLogging", T0.plusSeconds(30)).build());

        assertThat(run(mode, FAILURES_THEN_SUCCESS, records).alerts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void anAbsentStepFiresWhenNothingFollowsWithinTheSpan(RuntimeExecutionMode mode)
            throws Exception {
        CloudTrailRecord stop = event("StopLogging", T0).build();
        // Something later in the same group moves time on in streaming mode, too.
        CloudTrailRecord later = event("StartLogging", T0.plus(TEN_MINUTES).plusSeconds(1)).build();

        WindowedRun run = run(mode, STOP_THEN_NO_START, List.of(stop, later));

        assertThat(run.eventIds()).containsExactly(ids(List.of(stop)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void anAbsentStepDoesNotFireWhenTheEventFollowsWithinTheSpan(RuntimeExecutionMode mode)
            throws Exception {
        List<CloudTrailRecord> restartedAtTheEdge =
                List.of(
                        event("StopLogging", T0).build(),
                        event("StartLogging", T0.plus(TEN_MINUTES)).build());

        assertThat(run(mode, STOP_THEN_NO_START, restartedAtTheEdge).alerts).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void anAbsentStepsWindowStartsAtThePreviousStepsLastEvent(RuntimeExecutionMode mode)
            throws Exception {
        PatternDefinition userThenKeyWithoutDelete =
                sequence(
                        "key-not-deleted",
                        TEN_MINUTES,
                        BY_IP,
                        step("user", "eventName=CreateUser"),
                        step("key", "eventName=CreateAccessKey"),
                        absent("deleted", "eventName=DeleteAccessKey"));
        // The delete is more than the span after the first step, but within it of the key step.
        List<CloudTrailRecord> records =
                List.of(
                        event("CreateUser", T0).build(),
                        event("CreateAccessKey", T0.plusSeconds(300)).build(),
                        event("DeleteAccessKey", T0.plusSeconds(800)).build());

        assertThat(run(mode, userThenKeyWithoutDelete, records).alerts).isEmpty();
    }

    static WindowedRun run(
            RuntimeExecutionMode mode, PatternDefinition pattern, List<CloudTrailRecord> records)
            throws Exception {
        return mode == RuntimeExecutionMode.BATCH
                ? WindowedRun.batch(records, pattern)
                : WindowedRun.streaming(records, pattern);
    }
}
