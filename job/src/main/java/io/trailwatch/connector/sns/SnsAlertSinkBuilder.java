package io.trailwatch.connector.sns;

import io.trailwatch.alert.Alert;
import java.time.Duration;
import java.util.regex.Pattern;
import org.apache.flink.connector.base.sink.AsyncSinkBaseBuilder;

/**
 * Builds an {@link SnsAlertSink}. Only the topic ARN is required; region and endpoint default to
 * the SDK's chains and AWS itself. The buffering defaults suit alerts: few, small, wanted soon.
 *
 * <pre>{@code
 * SnsAlertSink sink = SnsAlertSink.builder()
 *         .setTopicArn("arn:aws:sns:eu-west-1:123456789012:trailwatch-alerts")
 *         .setRegion("eu-west-1")
 *         .build();
 * }</pre>
 */
public class SnsAlertSinkBuilder
        extends AsyncSinkBaseBuilder<Alert, SnsPublishEntry, SnsAlertSinkBuilder> {

    static final int DEFAULT_MAX_BATCH_SIZE = SnsPublishEntry.MAX_BATCH_ENTRIES;
    public static final int DEFAULT_MAX_IN_FLIGHT_REQUESTS = 4;
    static final int DEFAULT_MAX_BUFFERED_REQUESTS = 1_000;
    static final long DEFAULT_MAX_BATCH_SIZE_IN_BYTES = SnsPublishEntry.MAX_PUBLISH_BYTES;

    /**
     * Short, because at a few alerts a second batches never fill and the wait is all latency (the
     * latency bench: p50 ~600 ms at 500 ms, ~220 ms at 100 ms). The price is fuller batches: SNS
     * bills per request, and at a few alerts a second a 100 ms buffer sends some more, half-empty
     * ones (cents a day); a burst of 10 alerts goes as one request at once either way.
     */
    public static final Duration DEFAULT_MAX_TIME_IN_BUFFER = Duration.ofMillis(100);

    /** Alerts are wanted soon; a longer wait saves no request worth having. */
    public static final Duration MAX_TIME_IN_BUFFER_LIMIT = Duration.ofMinutes(1);

    static final long DEFAULT_MAX_RECORD_SIZE_IN_BYTES = SnsPublishEntry.MAX_PUBLISH_BYTES;

    private static final Pattern TOPIC_ARN =
            Pattern.compile("arn:[a-z-]+:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?");

    private String topicArn;
    private String region;
    private String endpointOverride;
    private SnsClientProvider clientProvider;
    private SnsRetryBackoff retryBackoff = SnsRetryBackoff.DEFAULT;

    SnsAlertSinkBuilder() {}

    /** The topic to publish to; a name ending in {@code .fifo} makes it a FIFO topic. */
    public SnsAlertSinkBuilder setTopicArn(String topicArn) {
        this.topicArn = topicArn;
        return this;
    }

    /** The AWS region, e.g. {@code eu-west-1}; by default the SDK's region chain decides. */
    public SnsAlertSinkBuilder setRegion(String region) {
        this.region = region;
        return this;
    }

    /** Another SNS endpoint, e.g. an emulator's {@code http://127.0.0.1:4566}. */
    public SnsAlertSinkBuilder setEndpointOverride(String endpointOverride) {
        this.endpointOverride = endpointOverride;
        return this;
    }

    /** Replaces the AWS client, e.g. with a fake in tests; region and endpoint are then unused. */
    public SnsAlertSinkBuilder setClientProvider(SnsClientProvider clientProvider) {
        this.clientProvider = clientProvider;
        return this;
    }

    /** The waits before failed alerts are sent again; {@link SnsRetryBackoff#DEFAULT} if unset. */
    public SnsAlertSinkBuilder setRetryBackoff(SnsRetryBackoff retryBackoff) {
        this.retryBackoff = retryBackoff;
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the setting to change, if the topic ARN is missing or
     *     malformed, a limit exceeds what SNS accepts, or the buffer time is out of range
     */
    @Override
    public SnsAlertSink build() {
        if (topicArn == null || topicArn.isBlank()) {
            throw new IllegalArgumentException("SNS alert sink: the topic ARN is required");
        }
        if (!TOPIC_ARN.matcher(topicArn).matches()) {
            throw new IllegalArgumentException(
                    "SNS alert sink: '"
                            + topicArn
                            + "' is not an SNS topic ARN; expected"
                            + " arn:aws:sns:<region>:<12-digit account>:<topic name>");
        }
        int maxBatchSize = valueOr(getMaxBatchSize(), DEFAULT_MAX_BATCH_SIZE);
        long maxBatchBytes = valueOr(getMaxBatchSizeInBytes(), DEFAULT_MAX_BATCH_SIZE_IN_BYTES);
        long maxRecordBytes = valueOr(getMaxRecordSizeInBytes(), DEFAULT_MAX_RECORD_SIZE_IN_BYTES);
        requireAtMost("maxBatchSize", maxBatchSize, SnsPublishEntry.MAX_BATCH_ENTRIES);
        requireAtMost("maxBatchSizeInBytes", maxBatchBytes, SnsPublishEntry.MAX_PUBLISH_BYTES);
        if (maxRecordBytes != SnsPublishEntry.MAX_PUBLISH_BYTES) {
            throw new IllegalArgumentException(
                    "SNS alert sink: maxRecordSizeInBytes must be "
                            + SnsPublishEntry.MAX_PUBLISH_BYTES
                            + ", the size alerts are trimmed to; was "
                            + maxRecordBytes);
        }
        long maxTimeInBufferMs =
                valueOr(getMaxTimeInBufferMS(), DEFAULT_MAX_TIME_IN_BUFFER.toMillis());
        if (maxTimeInBufferMs < 1 || maxTimeInBufferMs > MAX_TIME_IN_BUFFER_LIMIT.toMillis()) {
            throw new IllegalArgumentException(
                    "SNS alert sink: maxTimeInBufferMS must be between 1 and "
                            + MAX_TIME_IN_BUFFER_LIMIT.toMillis()
                            + " ms; was "
                            + maxTimeInBufferMs);
        }
        if (retryBackoff == null) {
            throw new IllegalArgumentException("SNS alert sink: the retry backoff is required");
        }
        return new SnsAlertSink(
                topicArn,
                clientProvider != null
                        ? clientProvider
                        : new AwsSnsClientProvider(region, endpointOverride),
                retryBackoff,
                maxBatchSize,
                valueOr(getMaxInFlightRequests(), DEFAULT_MAX_IN_FLIGHT_REQUESTS),
                valueOr(getMaxBufferedRequests(), DEFAULT_MAX_BUFFERED_REQUESTS),
                maxBatchBytes,
                maxTimeInBufferMs,
                maxRecordBytes);
    }

    private static void requireAtMost(String setting, long value, long limit) {
        if (value > limit) {
            throw new IllegalArgumentException(
                    "SNS alert sink: "
                            + setting
                            + " must be at most "
                            + limit
                            + " (SNS's limit); was "
                            + value);
        }
    }

    private static <T> T valueOr(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
