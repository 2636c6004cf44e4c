package io.trailwatch.time;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time for CloudTrail records: the timestamp is {@code eventTime}, and the watermark follows
 * the slowest <em>active</em> delivery stream (DESIGN §1).
 *
 * <p>CloudTrail writes each account and region as its own stream of log files, about every five
 * minutes, and AWS documents delivery up to about fifteen minutes after the API call. A single
 * global delay would either be too short for a slow region or hold every region back to the slowest
 * one forever, including regions that simply have no activity. So the watermark is the minimum,
 * over the streams that delivered recently, of each stream's newest event time, minus an
 * out-of-orderness bound; a stream that delivered nothing for the idle timeout stops holding it
 * back.
 *
 * <p>Defaults: {@link #DEFAULT_MAX_OUT_OF_ORDERNESS} of 15 minutes covers CloudTrail's documented
 * delivery delay within a stream (events of one file span its five-minute period, and files can
 * arrive out of order). {@link #DEFAULT_IDLE_TIMEOUT} of 30 minutes is six delivery periods: a
 * stream that has been silent that long is idle (quiet regions deliver no file at all when there is
 * no activity), not late; its next events are still on time as long as they are within the bound of
 * the other streams.
 */
public final class CloudTrailWatermarks {

    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofMinutes(15);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(30);

    /** Streams tracked per source subtask; beyond this the longest-silent stream is forgotten. */
    public static final int DEFAULT_MAX_STREAMS = 10_000;

    private CloudTrailWatermarks() {}

    /** The strategy with the defaults above. */
    public static WatermarkStrategy<CloudTrailRecord> forDeliveryStreams() {
        return forDeliveryStreams(DEFAULT_MAX_OUT_OF_ORDERNESS, DEFAULT_IDLE_TIMEOUT);
    }

    /**
     * @param maxOutOfOrderness how far behind its stream's newest event an event may be and still
     *     be on time
     * @param idleTimeout processing time without events after which a stream no longer holds the
     *     watermark back
     */
    public static WatermarkStrategy<CloudTrailRecord> forDeliveryStreams(
            Duration maxOutOfOrderness, Duration idleTimeout) {
        return forDeliveryStreams(
                maxOutOfOrderness, idleTimeout, DEFAULT_MAX_STREAMS, SystemClock.INSTANCE);
    }

    static WatermarkStrategy<CloudTrailRecord> forDeliveryStreams(
            Duration maxOutOfOrderness,
            Duration idleTimeout,
            int maxStreams,
            ProcessingClock clock) {
        requirePositive(maxOutOfOrderness, "maxOutOfOrderness", true);
        requirePositive(idleTimeout, "idleTimeout", false);
        WatermarkStrategy<CloudTrailRecord> strategy =
                context ->
                        new DeliveryStreamWatermarks(
                                maxOutOfOrderness.toMillis(),
                                idleTimeout.toMillis(),
                                maxStreams,
                                clock);
        return strategy.withTimestampAssigner(context -> new EventTimeAssigner());
    }

    private static void requirePositive(Duration value, String name, boolean zeroAllowed) {
        if (value == null || value.isNegative() || (!zeroAllowed && value.isZero())) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    /** The record's {@code eventTime}; records without a valid one sort first and match nothing. */
    static final class EventTimeAssigner implements TimestampAssigner<CloudTrailRecord> {
        @Override
        public long extractTimestamp(CloudTrailRecord record, long recordTimestamp) {
            return record.eventTimeMillis();
        }
    }

    /** Processing time for idleness; a field so that tests can move it. */
    @FunctionalInterface
    public interface ProcessingClock extends java.io.Serializable {
        long millis();
    }

    private enum SystemClock implements ProcessingClock {
        INSTANCE;

        @Override
        public long millis() {
            return System.currentTimeMillis();
        }
    }
}
