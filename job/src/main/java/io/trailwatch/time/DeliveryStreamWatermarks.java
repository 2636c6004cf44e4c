package io.trailwatch.time;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.EventTimes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;

/**
 * Tracks the newest event time per delivery stream (recipient account + region) and emits the
 * minimum over the active streams minus the out-of-orderness bound. Streams silent for the idle
 * timeout are dropped; when all are, the output is marked idle so that other source subtasks drive
 * the watermark. The map is kept in access order and bounded.
 *
 * <p>A subtask that has not yet seen an event is not idle until the idle timeout has passed since
 * it started: declaring it idle at once would let the others advance the watermark past records it
 * is about to emit, which would then count as late.
 */
final class DeliveryStreamWatermarks implements WatermarkGenerator<CloudTrailRecord> {

    private final long maxOutOfOrderness;
    private final long idleTimeout;
    private final int maxStreams;
    private final CloudTrailWatermarks.ProcessingClock clock;

    /** Per stream: newest event time and when it last delivered, least recently seen first. */
    private final LinkedHashMap<String, long[]> streams = new LinkedHashMap<>(16, 0.75f, true);

    private long emitted = Long.MIN_VALUE;

    /** Processing time of the last event, or of the start; idleness is measured from it. */
    private long lastEventAt;

    DeliveryStreamWatermarks(
            long maxOutOfOrderness,
            long idleTimeout,
            int maxStreams,
            CloudTrailWatermarks.ProcessingClock clock) {
        this.maxOutOfOrderness = maxOutOfOrderness;
        this.idleTimeout = idleTimeout;
        this.maxStreams = maxStreams;
        this.clock = clock;
        this.lastEventAt = clock.millis();
    }

    @Override
    public void onEvent(CloudTrailRecord record, long eventTimestamp, WatermarkOutput output) {
        if (eventTimestamp == EventTimes.INVALID) {
            return;
        }
        String stream = record.recipientAccountId() + '/' + record.awsRegion();
        long[] state = streams.get(stream);
        long now = clock.millis();
        lastEventAt = now;
        if (state == null) {
            if (streams.size() >= maxStreams) {
                Iterator<String> leastRecent = streams.keySet().iterator();
                leastRecent.next();
                leastRecent.remove();
            }
            streams.put(stream, new long[] {eventTimestamp, now});
        } else {
            state[0] = Math.max(state[0], eventTimestamp);
            state[1] = now;
        }
    }

    @Override
    public void onPeriodicEmit(WatermarkOutput output) {
        long now = clock.millis();
        long slowest = Long.MAX_VALUE;
        Iterator<Map.Entry<String, long[]>> entries = streams.entrySet().iterator();
        while (entries.hasNext()) {
            long[] state = entries.next().getValue();
            if (now - state[1] >= idleTimeout) {
                entries.remove();
            } else {
                slowest = Math.min(slowest, state[0]);
            }
        }
        if (slowest == Long.MAX_VALUE) {
            if (now - lastEventAt >= idleTimeout) {
                output.markIdle();
            }
            return;
        }
        long watermark = slowest - maxOutOfOrderness - 1;
        if (watermark > emitted) {
            emitted = watermark;
        }
        // Re-emitting the current value marks the output active again after an idle period.
        output.emitWatermark(new Watermark(emitted));
    }

    /** Number of streams currently holding the watermark back; for tests. */
    int activeStreams() {
        return streams.size();
    }
}
