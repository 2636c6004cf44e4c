package io.trailwatch.time;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.FieldKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryStreamWatermarksTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final long BOUND = Duration.ofMinutes(15).toMillis();
    private static final long IDLE = Duration.ofMinutes(30).toMillis();
    private static final String ACCOUNT = "111122223333";

    private long now;
    private final RecordingOutput output = new RecordingOutput();
    private DeliveryStreamWatermarks generator;

    @BeforeEach
    void createGenerator() {
        generator = new DeliveryStreamWatermarks(BOUND, IDLE, 3, () -> now);
    }

    @Test
    void followsTheSlowestActiveStreamMinusTheBound() {
        deliver("us-east-1", T0.plusSeconds(600));
        deliver("eu-west-1", T0.plusSeconds(300));
        deliver("us-east-1", T0.plusSeconds(900));

        generator.onPeriodicEmit(output);

        assertThat(output.last()).isEqualTo(T0.plusSeconds(300).toEpochMilli() - BOUND - 1);
    }

    @Test
    void anIdleStreamStopsHoldingTheWatermarkBack() {
        deliver("eu-west-1", T0);
        now += IDLE / 2;
        deliver("us-east-1", T0.plusSeconds(3600));
        now += IDLE / 2;

        generator.onPeriodicEmit(output);

        assertThat(output.last()).isEqualTo(T0.plusSeconds(3600).toEpochMilli() - BOUND - 1);
        assertThat(generator.activeStreams()).isEqualTo(1);
    }

    @Test
    void allStreamsIdleMarksTheOutputIdle() {
        deliver("eu-west-1", T0);
        now += IDLE;

        generator.onPeriodicEmit(output);

        assertThat(output.idle).isTrue();
    }

    @Test
    void aSubtaskWithoutEventsIsNotIdleBeforeTheTimeout() {
        generator.onPeriodicEmit(output);
        assertThat(output.idle).isFalse();
        assertThat(output.watermarks).isEmpty();

        now += IDLE;
        generator.onPeriodicEmit(output);
        assertThat(output.idle).isTrue();
    }

    @Test
    void neverGoesBackwards() {
        deliver("us-east-1", T0.plusSeconds(3600));
        generator.onPeriodicEmit(output);
        deliver("eu-west-1", T0);
        generator.onPeriodicEmit(output);

        assertThat(output.watermarks)
                .allMatch(w -> w == T0.plusSeconds(3600).toEpochMilli() - BOUND - 1);
    }

    @Test
    void keepsAtMostTheConfiguredNumberOfStreams() {
        for (String region :
                List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1")) {
            deliver(region, T0);
            now += 1;
        }

        assertThat(generator.activeStreams()).isEqualTo(3);
    }

    @Test
    void strategyAssignsEventTimeAsTimestamp() {
        CloudTrailRecord record = record("us-east-1", T0);

        long timestamp =
                CloudTrailWatermarks.forDeliveryStreams()
                        .createTimestampAssigner(null)
                        .extractTimestamp(record, 0);

        assertThat(timestamp).isEqualTo(T0.toEpochMilli());
    }

    private void deliver(String region, Instant eventTime) {
        generator.onEvent(record(region, eventTime), eventTime.toEpochMilli(), output);
    }

    private static CloudTrailRecord record(String region, Instant eventTime) {
        return CloudTrailRecord.builder()
                .add("eventTime", FieldKind.STRING, eventTime.toString())
                .add("awsRegion", FieldKind.STRING, region)
                .add("recipientAccountId", FieldKind.STRING, ACCOUNT)
                .build("test.json");
    }

    private static final class RecordingOutput implements WatermarkOutput {
        final List<Long> watermarks = new ArrayList<>();
        boolean idle;

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark.getTimestamp());
            idle = false;
        }

        @Override
        public void markIdle() {
            idle = true;
        }

        @Override
        public void markActive() {
            idle = false;
        }

        long last() {
            return watermarks.get(watermarks.size() - 1);
        }
    }
}
