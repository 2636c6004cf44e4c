package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.T0;
import static io.trailwatch.detect.windowed.TestEvents.event;
import static io.trailwatch.detect.windowed.TestEvents.failedLogin;
import static io.trailwatch.detect.windowed.TestPatterns.FAILED_LOGIN;
import static io.trailwatch.detect.windowed.TestPatterns.threshold;
import static io.trailwatch.detect.windowed.ThresholdTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

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

/** {@code distinct} thresholds and {@code suppress} (DESIGN §5). */
class DistinctAndSuppressTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final List<String> BY_IP = List.of("$.sourceIPAddress");

    /** Password spraying: three distinct user names failing from one IP. */
    private static final PatternDefinition SPRAYING =
            threshold(
                    "password-spraying",
                    FAILED_LOGIN,
                    3,
                    FIVE_MINUTES,
                    BY_IP,
                    "$.userIdentity.userName",
                    null);

    private static final PatternDefinition SUPPRESSED_FAILURES =
            threshold(
                    "suppressed-failures",
                    FAILED_LOGIN,
                    2,
                    FIVE_MINUTES,
                    PatternDefinition.DEFAULT_GROUP_BY,
                    null,
                    Duration.ofHours(1));

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void distinctCountsValuesAndCarriesEveryEventOfItsWindow(RuntimeExecutionMode mode)
            throws Exception {
        List<CloudTrailRecord> records =
                List.of(
                        failedLogin("alice", T0),
                        failedLogin("alice", T0.plusSeconds(10)),
                        event("ConsoleLogin", T0.plusSeconds(15))
                                .error("Failed authentication")
                                .build(),
                        failedLogin("bob", T0.plusSeconds(20)),
                        failedLogin("bob", T0.plusSeconds(30)),
                        failedLogin("carol", T0.plusSeconds(40)),
                        failedLogin("dave", T0.plusSeconds(50)));

        WindowedRun run = run(mode, SPRAYING, records);

        // The event without a user name is not counted; dave comes after the alert.
        assertThat(run.eventIds())
                .containsExactly(
                        ids(
                                List.of(
                                        records.get(0),
                                        records.get(1),
                                        records.get(3),
                                        records.get(4),
                                        records.get(5))));
        assertThat(run.alerts.get(0).groupValues).containsExactly(TestEvents.ATTACKER_IP);
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void manyFailuresOfOneUserAreOneDistinctValue(RuntimeExecutionMode mode) throws Exception {
        List<CloudTrailRecord> records =
                List.of(
                        failedLogin("alice", T0),
                        failedLogin("alice", T0.plusSeconds(10)),
                        failedLogin("alice", T0.plusSeconds(20)),
                        failedLogin("bob", T0.plusSeconds(30)),
                        failedLogin("carol", T0.plus(FIVE_MINUTES).plusSeconds(1)));

        // carol is more than five minutes after alice's first failure only: the window slides to
        // start at the second, and the alert carries every counted event of it.
        assertThat(run(mode, SPRAYING, records).eventIds())
                .containsExactly(ids(records.subList(1, 5)));
    }

    /** 2,000 distinct user names failing from one IP within five minutes. */
    private static final PatternDefinition MASS_SPRAYING =
            threshold(
                    "mass-spraying",
                    FAILED_LOGIN,
                    2000,
                    FIVE_MINUTES,
                    BY_IP,
                    "$.userIdentity.userName",
                    null);

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void aBurstOfThousandsOfEventsSlidesItsWindowToTheOneAlert(RuntimeExecutionMode mode)
            throws Exception {
        // One failure every 100 ms for 500 s: the first 4,000 cycle through 1,999 names, so no
        // five-minute window reaches 2,000 until event 4,000 brings a new name. Its window starts
        // exactly five minutes earlier, at event 1,000; the 999 events after it hold too few names.
        int burst = 5000;
        int cycledNames = 1999;
        int newName = 4000;
        List<CloudTrailRecord> records = new ArrayList<>();
        for (int i = 0; i < burst; i++) {
            String user = i < newName ? "user-" + (i % cycledNames) : "user-" + i;
            records.add(failedLogin(user, T0.plusMillis(100L * i)));
        }

        WindowedRun run = run(mode, MASS_SPRAYING, records);

        assertThat(run.eventIds()).containsExactly(ids(records.subList(1000, newName + 1)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void suppressHoldsBackRepeatsInEventTimeAndStillConsumes(RuntimeExecutionMode mode)
            throws Exception {
        List<CloudTrailRecord> records =
                List.of(
                        failedLogin("alice", T0),
                        failedLogin("alice", T0.plusSeconds(10)),
                        // suppressed: within the hour; consumes these two
                        failedLogin("alice", T0.plusSeconds(20)),
                        failedLogin("alice", T0.plusSeconds(30)),
                        // a lone failure after the hour cannot pair with a consumed one
                        failedLogin("alice", T0.plus(Duration.ofHours(1)).plusSeconds(11)),
                        failedLogin("alice", T0.plus(Duration.ofHours(1)).plusSeconds(12)));

        WindowedRun run = run(mode, SUPPRESSED_FAILURES, records);

        assertThat(run.eventIds())
                .containsExactly(ids(records.subList(0, 2)), ids(records.subList(4, 6)));
    }

    @ParameterizedTest
    @EnumSource(
            value = RuntimeExecutionMode.class,
            names = {"BATCH", "STREAMING"})
    void suppressIsPerGroup(RuntimeExecutionMode mode) throws Exception {
        List<CloudTrailRecord> records =
                List.of(
                        failedLogin("alice", T0),
                        failedLogin("alice", T0.plusSeconds(10)),
                        event("ConsoleLogin", T0.plusSeconds(20))
                                .error("Failed authentication")
                                .account(TestEvents.OTHER_ACCOUNT)
                                .build(),
                        event("ConsoleLogin", T0.plusSeconds(30))
                                .error("Failed authentication")
                                .account(TestEvents.OTHER_ACCOUNT)
                                .build());

        assertThat(run(mode, SUPPRESSED_FAILURES, records).alerts).hasSize(2);
    }

    private static WindowedRun run(
            RuntimeExecutionMode mode, PatternDefinition pattern, List<CloudTrailRecord> records)
            throws Exception {
        return SequenceTest.run(mode, pattern, records);
    }
}
