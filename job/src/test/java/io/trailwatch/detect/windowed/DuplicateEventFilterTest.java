package io.trailwatch.detect.windowed;

import static io.trailwatch.detect.windowed.TestEvents.T0;
import static io.trailwatch.detect.windowed.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import java.time.Duration;
import java.util.List;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/** The copy of a twice-delivered event that is kept depends on the records, not their arrival. */
class DuplicateEventFilterTest {

    private static final Duration SPAN = Duration.ofMinutes(10);

    private static final CloudTrailRecord CREATE_USER =
            event("CreateUser", T0).from("delivery-b.json", 0).build();

    /** The same event, also delivered in an earlier file: the copy that comes first. */
    private static final CloudTrailRecord CREATE_USER_EARLIER_FILE =
            event("CreateUser", T0).id(CREATE_USER.eventId()).from("delivery-a.json", 5).build();

    private static final CloudTrailRecord ATTACH =
            event("AttachUserPolicy", T0).from("delivery-a.json", 6).build();
    private static final CloudTrailRecord KEY =
            event("CreateAccessKey", T0).from("delivery-b.json", 1).build();

    @Test
    void keepsTheCopyFirstInInputOrderWhicheverArrivesFirst() throws Exception {
        assertThat(passed(CREATE_USER, CREATE_USER_EARLIER_FILE))
                .containsExactly(CREATE_USER_EARLIER_FILE);
        assertThat(passed(CREATE_USER_EARLIER_FILE, CREATE_USER))
                .containsExactly(CREATE_USER_EARLIER_FILE);
    }

    @Test
    void passesEventsOfEqualTimeInInputOrder() throws Exception {
        assertThat(passed(KEY, CREATE_USER, ATTACH, CREATE_USER_EARLIER_FILE))
                .containsExactly(CREATE_USER_EARLIER_FILE, ATTACH, KEY);
    }

    @Test
    void dropsALaterCopyWithinTheSpanAndPassesOneAfterIt() throws Exception {
        CloudTrailRecord withinSpan =
                event("CreateUser", T0.plus(SPAN)).id(CREATE_USER.eventId()).build();
        CloudTrailRecord afterSpan =
                event("CreateUser", T0.plus(SPAN).plusMillis(1)).id(CREATE_USER.eventId()).build();

        assertThat(passed(afterSpan, withinSpan, CREATE_USER))
                .containsExactly(CREATE_USER, afterSpan);
    }

    /** What the filter passes when these arrive in this order, before any watermark. */
    private static List<CloudTrailRecord> passed(CloudTrailRecord... arriving) throws Exception {
        try (var harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new DuplicateEventFilter(SPAN.toMillis())),
                        new GroupKey(PatternDefinition.DEFAULT_GROUP_BY),
                        GroupKey.TYPE)) {
            harness.open();
            for (CloudTrailRecord record : arriving) {
                harness.processElement(record, record.eventTimeMillis());
            }
            harness.processWatermark(T0.plus(Duration.ofDays(1)).toEpochMilli());
            return harness.extractOutputValues();
        }
    }
}
