package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.T0;
import static io.trailwatch.detect.windowed.TestEvents.event;
import static io.trailwatch.detect.windowed.TestPatterns.FAILED_LOGIN;
import static io.trailwatch.detect.windowed.TestPatterns.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A threshold drops copies of a twice-delivered event itself, keeping the copy that comes first in
 * event order: the kept copy's place among events of equal time decides which events form an alert,
 * and so its id.
 */
class ThresholdDuplicatesTest {

    private static final PatternDefinition TWO_FAILURES =
            threshold("two-failures", FAILED_LOGIN, 2, Duration.ofMinutes(5));

    private static final CloudTrailRecord FROM_B = failure().from("delivery-b.json", 0).build();
    private static final CloudTrailRecord FROM_C = failure().from("delivery-c.json", 0).build();

    /** FROM_C delivered again, in a file before FROM_B's: this copy is the one counted. */
    private static final CloudTrailRecord FROM_C_AGAIN_IN_A =
            failure().id(FROM_C.eventId()).from("delivery-a.json", 3).build();

    @Test
    void theCopyFirstInInputOrderIsCountedWhicheverArrivesFirst() throws Exception {
        List<String> expected = List.of(FROM_C.eventId(), FROM_B.eventId());

        assertThat(alertedEventIds(FROM_B, FROM_C, FROM_C_AGAIN_IN_A)).containsExactly(expected);
        assertThat(alertedEventIds(FROM_C_AGAIN_IN_A, FROM_C, FROM_B)).containsExactly(expected);
        assertThat(alertedEventIds(FROM_C, FROM_B, FROM_C_AGAIN_IN_A)).containsExactly(expected);
    }

    @Test
    void aLateCopyOfASeenEventIsDroppedNotReportedLate() throws Exception {
        try (var harness = StateCleanupTest.thresholdHarness(TWO_FAILURES)) {
            harness.open();
            StateCleanupTest.process(harness, FROM_B);
            harness.processWatermark(T0.toEpochMilli());
            CloudTrailRecord lateCopy = failure().id(FROM_B.eventId()).from("x.json", 0).build();
            StateCleanupTest.process(harness, lateCopy);

            assertThat(harness.getSideOutput(WindowedDetections.lateTag(TWO_FAILURES.id())))
                    .isNull();
            assertThat(harness.extractOutputValues()).isEmpty();
        }
    }

    private static List<List<String>> alertedEventIds(CloudTrailRecord... arriving)
            throws Exception {
        try (var harness = StateCleanupTest.thresholdHarness(TWO_FAILURES)) {
            harness.open();
            for (CloudTrailRecord record : arriving) {
                StateCleanupTest.process(harness, record);
            }
            harness.processWatermark(T0.plus(Duration.ofDays(1)).toEpochMilli());
            return harness.extractOutputValues().stream()
                    .map(matched -> List.of(matched.alert.eventIds))
                    .toList();
        }
    }

    private static TestEvents.Event failure() {
        return event("ConsoleLogin", T0).user("alice").error("Failed authentication");
    }
}
