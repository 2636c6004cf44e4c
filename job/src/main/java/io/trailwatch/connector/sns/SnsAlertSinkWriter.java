package io.trailwatch.connector.sns;

import io.trailwatch.alert.Alert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.DequeRequestBuffer;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.SimpleBatchCreator;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes buffered alerts with SNS PublishBatch. Entries that SNS rejects for a retryable reason
 * are sent again, and only they, after a backoff ({@link SnsRetryBackoff}) that grows while
 * failures go on and resets on the first success; a fatal rejection fails the job at once with
 * SNS's code and message. Logs name counts and error codes, never alert content or credentials.
 */
class SnsAlertSinkWriter extends AsyncSinkWriter<Alert, SnsPublishEntry> {

    private static final Logger LOG = LoggerFactory.getLogger(SnsAlertSinkWriter.class);

    private final String topicArn;
    private final SnsPublishClient client;
    private final Counter numRecordsOutErrors;
    private final ExponentialBackoff backoff;
    private final RetryTimer retryTimer;

    /**
     * @param backoff the waits before retries, shared by this writer's requests
     * @param retryTimer runs a retry after its wait; {@link RetryTimer#onTaskTimers} in a task
     */
    SnsAlertSinkWriter(
            ElementConverter<Alert, SnsPublishEntry> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<SnsPublishEntry>> recoveredState,
            String topicArn,
            SnsPublishClient client,
            ExponentialBackoff backoff,
            RetryTimer retryTimer) {
        super(
                elementConverter,
                context,
                configuration,
                recoveredState,
                new SimpleBatchCreator<>(configuration.getMaxBatchSizeInBytes()),
                new DequeRequestBuffer<>());
        this.topicArn = topicArn;
        this.client = client;
        this.numRecordsOutErrors = context.metricGroup().getNumRecordsOutErrorsCounter();
        this.backoff = backoff;
        this.retryTimer = retryTimer;
    }

    @Override
    protected void submitRequestEntries(
            List<SnsPublishEntry> entries, ResultHandler<SnsPublishEntry> resultHandler) {
        PublishBatchRequest request = toRequest(entries);
        // handle, not whenComplete: the stage after it must fail only if the handling itself
        // failed, not whenever the request did (a retry in backoff has not completed the handler)
        client.publishBatch(request)
                .handle(
                        (response, err) -> {
                            if (err != null) {
                                handleFailedRequest(err, entries, resultHandler);
                            } else if (response.hasFailed() && !response.failed().isEmpty()) {
                                handlePartlyFailedRequest(response, entries, resultHandler);
                            } else {
                                backoff.reset();
                                resultHandler.complete();
                            }
                            return null;
                        })
                .exceptionally(
                        bug -> {
                            resultHandler.completeExceptionally(
                                    new SnsAlertSinkException(
                                            "handling the PublishBatch result failed", bug));
                            return null;
                        });
    }

    /** Entry ids are the positions in this request, so a failed id leads back to its entry. */
    private PublishBatchRequest toRequest(List<SnsPublishEntry> entries) {
        List<PublishBatchRequestEntry> requestEntries = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            requestEntries.add(entries.get(i).toRequestEntry(Integer.toString(i)));
        }
        return PublishBatchRequest.builder()
                .topicArn(topicArn)
                .publishBatchRequestEntries(requestEntries)
                .build();
    }

    @Override
    protected long getSizeInBytes(SnsPublishEntry entry) {
        return entry.sizeInBytes();
    }

    private void handleFailedRequest(
            Throwable err,
            List<SnsPublishEntry> entries,
            ResultHandler<SnsPublishEntry> resultHandler) {
        numRecordsOutErrors.inc(entries.size());
        if (SnsExceptionClassifiers.isFatal(err, resultHandler::completeExceptionally)) {
            return;
        }
        Duration delay = backoff.nextDelay();
        LOG.warn(
                "PublishBatch of {} alerts to SNS failed; retrying in {} ms (failure {} in a"
                        + " row): {}",
                entries.size(),
                delay.toMillis(),
                backoff.failuresInARow(),
                err.toString());
        retryAfter(delay, entries, resultHandler);
    }

    /**
     * Hands the entries back to the buffer once the delay has passed. Until then the request counts
     * as in flight: the writer sends no more than its in-flight limit meanwhile, and a checkpoint
     * waits for the retry (at most the maximum backoff) rather than snapshotting a request that is
     * still out.
     */
    private void retryAfter(
            Duration delay,
            List<SnsPublishEntry> entries,
            ResultHandler<SnsPublishEntry> resultHandler) {
        retryTimer.after(delay, () -> resultHandler.retryForEntries(entries));
    }

    private void handlePartlyFailedRequest(
            PublishBatchResponse response,
            List<SnsPublishEntry> entries,
            ResultHandler<SnsPublishEntry> resultHandler) {
        numRecordsOutErrors.inc(response.failed().size());
        List<SnsPublishEntry> retry = new ArrayList<>(response.failed().size());
        for (BatchResultErrorEntry error : response.failed()) {
            SnsPublishEntry entry = entryWithId(entries, error.id());
            if (entry == null) {
                resultHandler.completeExceptionally(
                        new SnsAlertSinkException(
                                "SNS reported a failure for entry id '"
                                        + error.id()
                                        + "', which the request did not contain"));
                return;
            }
            if (!SnsExceptionClassifiers.isRetryable(error)) {
                resultHandler.completeExceptionally(
                        new SnsAlertSinkException(
                                "SNS rejected the alert of pattern '"
                                        + entry.patternId()
                                        + "' ("
                                        + entry.sizeInBytes()
                                        + " bytes) published to "
                                        + topicArn
                                        + ": "
                                        + error.code()
                                        + ": "
                                        + error.message()));
                return;
            }
            retry.add(entry);
        }
        Duration delay = backoff.nextDelay();
        LOG.warn(
                "SNS rejected {} of {} alerts of a PublishBatch request; retrying them in {} ms: {}",
                retry.size(),
                entries.size(),
                delay.toMillis(),
                codesOf(response.failed()));
        retryAfter(delay, retry, resultHandler);
    }

    private static SnsPublishEntry entryWithId(List<SnsPublishEntry> entries, String id) {
        try {
            int index = Integer.parseInt(id);
            return index >= 0 && index < entries.size() ? entries.get(index) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> codesOf(List<BatchResultErrorEntry> errors) {
        List<String> codes = new ArrayList<>(errors.size());
        for (BatchResultErrorEntry error : errors) {
            codes.add(error.code());
        }
        return codes;
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            client.close();
        }
    }
}
