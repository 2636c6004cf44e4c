package io.trailwatch.aggregate;

import static io.trailwatch.aggregate.TestActivity.ALICE;
import static io.trailwatch.aggregate.TestActivity.T0;
import static io.trailwatch.aggregate.TestActivity.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

/** The two ways late data leaves the aggregation, operator by operator. */
class LateCountsTest {

    private static final List<Granularity> MINUTE_AND_HOUR =
            List.of(Granularity.MINUTE, Granularity.HOUR);

    @Test
    void aRecordWhoseMinuteHasPassedIsDivertedWholeEvenIfItsHourIsOpen() throws Exception {
        CloudTrailRecord record = call("GetObject", T0.plusSeconds(30)).by(ALICE).build();
        try (OneInputStreamOperatorTestHarness<CloudTrailRecord, ActivityCount> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new ToActivityCounts(MINUTE_AND_HOUR, ActivityAggregates.LATE_RECORDS))) {
            harness.processWatermark(T0.plusSeconds(60).toEpochMilli() - 1);
            harness.processElement(record, record.eventTimeMillis());

            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(harness.getSideOutput(ActivityAggregates.LATE_RECORDS))
                    .extracting(StreamRecord::getValue)
                    .containsExactly(record);
        }
    }

    @Test
    void aRecordInTimeBecomesOneCountPerDimension() throws Exception {
        CloudTrailRecord record = call("GetObject", T0.plusSeconds(30)).by(ALICE).build();
        try (OneInputStreamOperatorTestHarness<CloudTrailRecord, ActivityCount> harness =
                ProcessFunctionTestHarnesses.forProcessFunction(
                        new ToActivityCounts(MINUTE_AND_HOUR, ActivityAggregates.LATE_RECORDS))) {
            harness.processWatermark(T0.plusSeconds(60).toEpochMilli() - 2);
            harness.processElement(record, record.eventTimeMillis());

            assertThat(harness.extractOutputValues())
                    .extracting(count -> count.dimension)
                    .containsExactly(Dimension.values());
            assertThat(harness.getSideOutput(ActivityAggregates.LATE_RECORDS)).isNull();
        }
    }

    @Test
    void aCountThatMissedItsWindowBecomesALateRowOfItsWindow() throws Exception {
        ActivityCount count = ActivityCount.of(Dimension.PRINCIPAL, ALICE, true);
        count.eventName = "GetObject";
        count.sourceIp = TestActivity.IP_1;
        Instant eventTime = Instant.parse("2024-03-01T10:42:30Z");
        try (OneInputStreamOperatorTestHarness<ActivityCount, AggregateRow> harness =
                new OneInputStreamOperatorTestHarness<>(
                        new ProcessOperator<>(new LateActivityRows(Granularity.HOUR)))) {
            harness.open();
            harness.processElement(count, eventTime.toEpochMilli());

            AggregateRow row = harness.extractOutputValues().get(0);
            assertThat(row.late).isTrue();
            assertThat(row.granularity).isEqualTo("hour");
            assertThat(Instant.ofEpochMilli(row.windowStartMillis))
                    .isEqualTo(Instant.parse("2024-03-01T10:00:00Z"));
            assertThat(row.events).isEqualTo(1);
            assertThat(row.errors).isEqualTo(1);
            assertThat(row.distinctEventNames).isEqualTo(1);
        }
    }
}
