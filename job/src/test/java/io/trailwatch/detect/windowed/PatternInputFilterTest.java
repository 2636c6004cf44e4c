package io.trailwatch.detect.windowed;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordFlattener;
import io.trailwatch.pattern.PatternDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A windowed pattern's input filter: every record one of its filters takes, and no other, whether
 * or not its filters name the event names they take.
 */
class PatternInputFilterTest {

    private static final List<String> BY_ACCOUNT = List.of("$.recipientAccountId");

    @Test
    void aSequenceTakesTheEventsOfEachStepAbsentStepsIncluded() throws Exception {
        PatternDefinition sequence =
                TestPatterns.sequence(
                        "trail-stopped",
                        Duration.ofMinutes(10),
                        BY_ACCOUNT,
                        TestPatterns.step("stop", "{ $.eventName = \"StopLogging\" }"),
                        TestPatterns.absent("restart", "{ $.eventName = \"StartLogging\" }"));
        PatternInputFilter input = inputOf(sequence);

        assertThat(input.filter(event("StopLogging", null))).isTrue();
        assertThat(input.filter(event("StartLogging", null))).isTrue();
        assertThat(input.filter(event("DeleteTrail", null))).isFalse();
        assertThat(input.filter(noEventName())).isFalse();
    }

    @Test
    void aStepThatNamesNoEventNameIsEvaluatedOnEveryRecord() throws Exception {
        PatternDefinition sequence =
                TestPatterns.sequence(
                        "denied-then-stop",
                        Duration.ofMinutes(10),
                        BY_ACCOUNT,
                        TestPatterns.step("denied", "{ $.errorCode = \"AccessDenied\" }"),
                        TestPatterns.step("stop", "{ $.eventName = \"StopLogging\" }"));
        PatternInputFilter input = inputOf(sequence);

        assertThat(input.filter(event("ListBuckets", "AccessDenied"))).isTrue();
        assertThat(input.filter(event("StopLogging", null))).isTrue();
        assertThat(input.filter(event("ListBuckets", null))).isFalse();
    }

    @Test
    void aDistinctThresholdTakesOnlyRecordsWithTheCountedField() throws Exception {
        PatternDefinition threshold =
                TestPatterns.threshold(
                        "many-services",
                        "{ $.eventName = \"ListBuckets\" }",
                        3,
                        Duration.ofMinutes(10),
                        BY_ACCOUNT,
                        "$.eventSource",
                        null);
        PatternInputFilter input = inputOf(threshold);

        assertThat(input.filter(event("ListBuckets", null))).isTrue();
        assertThat(input.filter(RecordFlattener.flatten(json("ListBuckets", null, false))))
                .as("no eventSource, nothing to count")
                .isFalse();
        assertThat(input.filter(event("GetObject", null))).isFalse();
    }

    @Test
    void aRecordWithoutAValidEventTimeIsNeverTaken() throws Exception {
        PatternDefinition threshold =
                TestPatterns.threshold(
                        "stops", "{ $.eventName = \"StopLogging\" }", 2, Duration.ofMinutes(5));
        CloudTrailRecord badTime =
                RecordFlattener.flatten(
                        "{\"eventName\":\"StopLogging\",\"eventTime\":\"yesterday\"}");

        assertThat(inputOf(threshold).filter(badTime)).isFalse();
    }

    private static PatternInputFilter inputOf(PatternDefinition definition) {
        return new PatternInputFilter(
                WindowedPattern.compile(definition, FilterPatterns.INSTANCE).input());
    }

    private static CloudTrailRecord event(String eventName, String errorCode) {
        return RecordFlattener.flatten(json(eventName, errorCode, true));
    }

    private static CloudTrailRecord noEventName() {
        return RecordFlattener.flatten(
                "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"recipientAccountId\":\"1\"}");
    }

    private static String json(String eventName, String errorCode, boolean withSource) {
        return "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"recipientAccountId\":\"111122223333\","
                + "\"eventName\":\""
                + eventName
                + "\""
                + (withSource ? ",\"eventSource\":\"s3.amazonaws.com\"" : "")
                + (errorCode == null ? "" : ",\"errorCode\":\"" + errorCode + "\"")
                + "}";
    }
}
