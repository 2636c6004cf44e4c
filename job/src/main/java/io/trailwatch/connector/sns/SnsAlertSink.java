package io.trailwatch.connector.sns;

import io.trailwatch.alert.Alert;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Publishes alerts to an SNS topic (DESIGN §6), on Flink's {@link AsyncSinkBase}: buffered, batched
 * into PublishBatch requests of up to 10 entries, checkpointed, retried with backoff. Each message
 * is the alert JSON, with the attributes {@code severity} and {@code patternId} for subscription
 * filter policies. Build one with {@link #builder()}.
 */
public class SnsAlertSink extends AsyncSinkBase<Alert, SnsPublishEntry> {

    private static final long serialVersionUID = 1L;

    private final String topicArn;
    private final SnsClientProvider clientProvider;
    private final SnsRetryBackoff retryBackoff;

    SnsAlertSink(
            String topicArn,
            SnsClientProvider clientProvider,
            SnsRetryBackoff retryBackoff,
            int maxBatchSize,
            int maxInFlightRequests,
            int maxBufferedRequests,
            long maxBatchSizeInBytes,
            long maxTimeInBufferMS,
            long maxRecordSizeInBytes) {
        super(
                new SnsAlertElementConverter(SnsAlertElementConverter.isFifoTopic(topicArn)),
                maxBatchSize,
                maxInFlightRequests,
                maxBufferedRequests,
                maxBatchSizeInBytes,
                maxTimeInBufferMS,
                maxRecordSizeInBytes);
        this.topicArn = topicArn;
        this.clientProvider = clientProvider;
        this.retryBackoff = retryBackoff;
    }

    public static SnsAlertSinkBuilder builder() {
        return new SnsAlertSinkBuilder();
    }

    public String topicArn() {
        return topicArn;
    }

    public SnsRetryBackoff retryBackoff() {
        return retryBackoff;
    }

    /** How long an alert may wait in the buffer for others to share its PublishBatch request. */
    public Duration maxTimeInBuffer() {
        return Duration.ofMillis(getMaxTimeInBufferMS());
    }

    @Override
    public StatefulSinkWriter<Alert, BufferedRequestState<SnsPublishEntry>> createWriter(
            WriterInitContext context) {
        return restoreWriter(context, List.of());
    }

    @Override
    public StatefulSinkWriter<Alert, BufferedRequestState<SnsPublishEntry>> restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<SnsPublishEntry>> recoveredState) {
        return restoreWriter(
                context,
                recoveredState,
                RetryTimer.onTaskTimers(
                        context.getMailboxExecutor(), context.getProcessingTimeService()),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** A writer whose retries wait on {@code retryTimer}, with jitter drawn from {@code random}. */
    SnsAlertSinkWriter restoreWriter(
            WriterInitContext context,
            Collection<BufferedRequestState<SnsPublishEntry>> recoveredState,
            RetryTimer retryTimer,
            DoubleSupplier random) {
        return new SnsAlertSinkWriter(
                getElementConverter(),
                context,
                writerConfiguration(),
                recoveredState,
                topicArn,
                clientProvider.create(getMaxInFlightRequests()),
                new ExponentialBackoff(retryBackoff, random),
                retryTimer);
    }

    private AsyncSinkWriterConfiguration writerConfiguration() {
        return AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                .build();
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<SnsPublishEntry>>
            getWriterStateSerializer() {
        return new SnsStateSerializer();
    }
}
