package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import io.trailwatch.pattern.PatternDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.types.PojoTestUtils;
import org.junit.jupiter.api.Test;

/** Which alert {@code suppress} keeps depends on the alerts, not on the order they arrive in. */
class AlertSuppressorTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final PatternDefinition PATTERN =
            TestPatterns.threshold("failures", TestPatterns.FAILED_LOGIN, 1, HOUR);

    @Test
    void ofTwoAlertsAtTheSameTimeTheFirstInInputOrderIsKeptWhicheverArrivesFirst()
            throws Exception {
        MatchedAlert first = alert(T0, "file-a.json", 1);
        MatchedAlert second = alert(T0, "file-a.json", 2);

        assertThat(kept(first, second)).containsExactly(first.alert);
        assertThat(kept(second, first)).containsExactly(first.alert);
    }

    @Test
    void anEarlierAlertArrivingLaterStillSuppressesTheLaterOne() throws Exception {
        MatchedAlert earlier = alert(T0, "file-b.json", 9);
        MatchedAlert later = alert(T0.plusSeconds(10), "file-a.json", 1);

        assertThat(kept(later, earlier)).containsExactly(earlier.alert);
    }

    @Test
    void anAlertAfterTheSpanIsKept() throws Exception {
        MatchedAlert first = alert(T0, "file-a.json", 1);
        MatchedAlert atTheEdge = alert(T0.plus(HOUR), "file-a.json", 2);
        MatchedAlert after = alert(T0.plus(HOUR).plusMillis(1), "file-a.json", 3);

        assertThat(kept(after, atTheEdge, first)).containsExactly(first.alert, after.alert);
    }

    @Test
    void alertsWaitUntilTheWatermarkPassesTheirDecisionTime() throws Exception {
        Duration absentWindow = Duration.ofMinutes(10).plusMillis(1);
        try (var harness = harness(HOUR, absentWindow)) {
            harness.open();
            MatchedAlert alert = alert(T0, "file-a.json", 1);
            process(harness, alert);

            harness.processWatermark(T0.plus(absentWindow).minusMillis(1).toEpochMilli());
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(T0.plus(absentWindow).toEpochMilli());
            assertThat(harness.extractOutputValues()).containsExactly(alert.alert);
        }
    }

    @Test
    void anAlertBehindTheWatermarkIsDecidedAtOnce() throws Exception {
        try (var harness = harness(HOUR, Duration.ZERO)) {
            harness.open();
            MatchedAlert first = alert(T0, "file-a.json", 1);
            harness.processWatermark(T0.plusSeconds(10).toEpochMilli());

            process(harness, first);
            process(harness, alert(T0.plusSeconds(5), "file-a.json", 2));

            assertThat(harness.extractOutputValues()).containsExactly(first.alert);
        }
    }

    @Test
    void isStoredAsAPojoWithoutKryo() {
        PojoTestUtils.assertSerializedAsPojoWithoutKryo(MatchedAlert.class);
    }

    /** The alerts kept when these arrive in this order, before any watermark passes them. */
    private static List<Alert> kept(MatchedAlert... arriving) throws Exception {
        try (var harness = harness(HOUR, Duration.ZERO)) {
            harness.open();
            for (MatchedAlert alert : arriving) {
                process(harness, alert);
            }
            harness.processWatermark(T0.plus(Duration.ofDays(1)).toEpochMilli());
            return harness.extractOutputValues();
        }
    }

    static KeyedOneInputStreamOperatorTestHarness<String, MatchedAlert, Alert> harness(
            Duration suppress, Duration decisionDelay) throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(
                        new AlertSuppressor(suppress.toMillis(), decisionDelay.toMillis())),
                MatchedAlert::groupOf,
                Types.STRING);
    }

    static void process(
            KeyedOneInputStreamOperatorTestHarness<String, MatchedAlert, Alert> harness,
            MatchedAlert alert)
            throws Exception {
        harness.processElement(alert, alert.closingTime);
    }

    /** An alert of one event, which closes it, read from {@code file} at {@code position}. */
    static MatchedAlert alert(Instant time, String file, long position) {
        var event =
                TestEvents.event("ConsoleLogin", time)
                        .user("alice")
                        .error("Failed authentication")
                        .from(file, position)
                        .build();
        Alert alert =
                new AlertFactory(WindowedRun.DETECTED_AT)
                        .create(
                                PATTERN,
                                PatternDefinition.DEFAULT_GROUP_BY,
                                new String[] {TestEvents.ACCOUNT},
                                List.of(event));
        return MatchedAlert.of(alert, event);
    }
}
