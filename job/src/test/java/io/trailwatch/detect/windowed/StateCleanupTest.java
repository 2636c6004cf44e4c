package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.T0;
import static io.trailwatch.detect.windowed.TestEvents.event;
import static io.trailwatch.detect.windowed.TestEvents.failedLogin;
import static io.trailwatch.detect.windowed.TestPatterns.FAILED_LOGIN;
import static io.trailwatch.detect.windowed.TestPatterns.absent;
import static io.trailwatch.detect.windowed.TestPatterns.sequence;
import static io.trailwatch.detect.windowed.TestPatterns.step;
import static io.trailwatch.detect.windowed.TestPatterns.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.CloudTrailRecordSerializer;
import io.trailwatch.pattern.PatternDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.cep.nfa.compiler.NFACompiler;
import org.apache.flink.cep.operator.CepOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No keyed state outlives its windows: CEP's partial matches, threshold windows, dedupe ids,
 * suppression.
 */
class StateCleanupTest {

    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    private static final PatternDefinition THREE_FAILURES =
            threshold("three-failures", FAILED_LOGIN, 3, FIVE_MINUTES);
    private static final PatternDefinition SPRAYING =
            threshold(
                    "spraying",
                    FAILED_LOGIN,
                    3,
                    FIVE_MINUTES,
                    List.of("$.sourceIPAddress"),
                    "$.userIdentity.userName",
                    null);
    private static final PatternDefinition STOPPED_THEN_DELETED =
            sequence(
                    "stopped-then-deleted",
                    FIVE_MINUTES,
                    PatternDefinition.DEFAULT_GROUP_BY,
                    step("stopped", "eventName=StopLogging"),
                    step("deleted", "eventName=DeleteTrail"));
    private static final PatternDefinition STOPPED_NOT_RESTARTED =
            sequence(
                    "stopped-not-restarted",
                    FIVE_MINUTES,
                    PatternDefinition.DEFAULT_GROUP_BY,
                    step("stopped", "eventName=StopLogging"),
                    absent("restarted", "eventName=StartLogging"));

    @Test
    void cepStateIsGoneOnceThePartialMatchesExpire() throws Exception {
        try (var harness = cepHarness(STOPPED_THEN_DELETED)) {
            harness.open();
            process(harness, event("StopLogging", T0).build());
            harness.processWatermark(T0.plusSeconds(20).toEpochMilli());
            assertThat(harness.numKeyedStateEntries()).isPositive();

            harness.processWatermark(T0.plus(FIVE_MINUTES).plusSeconds(30).toEpochMilli());

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void cepStateIsGoneAfterAMatch() throws Exception {
        try (var harness = cepHarness(STOPPED_THEN_DELETED)) {
            harness.open();
            process(harness, event("StopLogging", T0).build());
            process(harness, event("DeleteTrail", T0.plusSeconds(10)).build());
            harness.processWatermark(T0.plus(FIVE_MINUTES).plusSeconds(30).toEpochMilli());

            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    /** Three failures alert whether counted as events or as distinct user names. */
    static List<PatternDefinition> thresholds() {
        return List.of(THREE_FAILURES, SPRAYING);
    }

    @ParameterizedTest
    @MethodSource("thresholds")
    void thresholdStateAndTimersAreGoneASpanAfterAMatch(PatternDefinition threshold)
            throws Exception {
        Instant newest = T0.plusSeconds(20);
        try (var harness = thresholdHarness(threshold)) {
            harness.open();
            process(harness, failedLogin("alice", T0));
            process(harness, failedLogin("bob", T0.plusSeconds(10)));
            harness.processWatermark(T0.plusSeconds(10).toEpochMilli());
            assertThat(harness.numKeyedStateEntries()).isPositive();

            process(harness, failedLogin("carol", newest));
            harness.processWatermark(newest.toEpochMilli());
            assertThat(harness.extractOutputValues()).hasSize(1);
            // The window is consumed; the ids stay to recognise a copy within the span.
            harness.processWatermark(newest.plus(FIVE_MINUTES).minusMillis(1).toEpochMilli());
            assertThat(harness.numKeyedStateEntries()).isPositive();

            harness.processWatermark(newest.plus(FIVE_MINUTES).toEpochMilli());

            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("thresholds")
    void thresholdWindowIsDroppedOnceTheWatermarkIsASpanPastItsNewestEvent(
            PatternDefinition threshold) throws Exception {
        Instant newest = T0.plusSeconds(10);
        try (var harness = thresholdHarness(threshold)) {
            harness.open();
            process(harness, failedLogin("alice", T0));
            process(harness, failedLogin("bob", newest));
            harness.processWatermark(newest.plus(FIVE_MINUTES).minusMillis(1).toEpochMilli());
            // bob can still share a window with an event at newest + 5 minutes
            assertThat(harness.numKeyedStateEntries()).isPositive();
            assertThat(harness.numEventTimeTimers()).isEqualTo(1);

            harness.processWatermark(newest.plus(FIVE_MINUTES).toEpochMilli());

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("thresholds")
    void aThresholdRecordAtOrBehindTheWatermarkGoesToTheLateOutput(PatternDefinition threshold)
            throws Exception {
        try (var harness = thresholdHarness(threshold)) {
            harness.open();
            harness.processWatermark(T0.toEpochMilli());
            CloudTrailRecord late = failedLogin("alice", T0);
            process(harness, late);

            assertThat(harness.getSideOutput(WindowedDetections.lateTag(threshold.id())))
                    .extracting(StreamRecord::getValue)
                    .containsExactly(late);
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void cepStateOfAnAbsentStepIsGoneAfterItFires() throws Exception {
        try (var harness = cepHarness(STOPPED_NOT_RESTARTED)) {
            harness.open();
            process(harness, event("StopLogging", T0).build());
            harness.processWatermark(T0.plus(FIVE_MINUTES).plusSeconds(1).toEpochMilli());

            assertThat(harness.extractOutputValues()).hasSize(1);
            assertThat(harness.numKeyedStateEntries()).isZero();
        }
    }

    @Test
    void duplicateIdsAreForgottenAfterTheSpan() throws Exception {
        DuplicateEventFilter filter = new DuplicateEventFilter(FIVE_MINUTES.toMillis());
        try (var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(filter),
                        new GroupKey(PatternDefinition.DEFAULT_GROUP_BY),
                        GroupKey.TYPE)) {
            harness.open();
            CloudTrailRecord login = failedLogin("alice", T0);
            process(harness, login);
            process(harness, login);
            harness.processWatermark(T0.toEpochMilli());
            assertThat(harness.extractOutputValues()).containsExactly(login);
            assertThat(harness.numKeyedStateEntries()).isPositive();

            harness.processWatermark(T0.plus(FIVE_MINUTES).toEpochMilli());

            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    @Test
    void suppressionIsForgottenAfterTheSpan() throws Exception {
        Duration hour = Duration.ofHours(1);
        try (var harness = AlertSuppressorTest.harness(hour, Duration.ZERO)) {
            harness.open();
            MatchedAlert first = AlertSuppressorTest.alert(T0, "file-a.json", 1);
            AlertSuppressorTest.process(harness, first);
            AlertSuppressorTest.process(
                    harness, AlertSuppressorTest.alert(T0.plus(hour), "file-a.json", 2));
            harness.processWatermark(T0.plus(hour).toEpochMilli());
            assertThat(harness.extractOutputValues()).containsExactly(first.alert);
            assertThat(harness.numKeyedStateEntries()).isPositive();

            harness.processWatermark(T0.plus(hour).plusMillis(1).toEpochMilli());

            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<
                    Tuple2<Long, Long>, CloudTrailRecord, MatchedAlert>
            cepHarness(PatternDefinition definition) throws Exception {
        WindowedPattern pattern = WindowedPattern.compile(definition, TestPatterns.FIELDS_EQUAL);
        CepOperator<CloudTrailRecord, Tuple2<Long, Long>, MatchedAlert> operator =
                new CepOperator<>(
                        new CloudTrailRecordSerializer(),
                        false,
                        NFACompiler.compileFactory(pattern.cepPattern(), false),
                        new InputOrder(),
                        pattern.cepPattern().getAfterMatchSkipStrategy(),
                        new MatchToAlert(pattern, new AlertFactory(WindowedRun.DETECTED_AT)),
                        null);
        return new KeyedOneInputStreamOperatorTestHarness<>(
                operator, pattern.groupKey(), GroupKey.TYPE);
    }

    static KeyedOneInputStreamOperatorTestHarness<
                    Tuple2<Long, Long>, CloudTrailRecord, MatchedAlert>
            thresholdHarness(PatternDefinition definition) throws Exception {
        WindowedPattern pattern = WindowedPattern.compile(definition, TestPatterns.FIELDS_EQUAL);
        ThresholdFunction function =
                new ThresholdFunction(
                        pattern,
                        new AlertFactory(WindowedRun.DETECTED_AT),
                        WindowedDetections.lateTag(definition.id()));
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), pattern.groupKey(), GroupKey.TYPE);
    }

    static void process(
            KeyedOneInputStreamOperatorTestHarness<Tuple2<Long, Long>, CloudTrailRecord, ?> harness,
            CloudTrailRecord record)
            throws Exception {
        harness.processElement(record, record.eventTimeMillis());
    }
}
