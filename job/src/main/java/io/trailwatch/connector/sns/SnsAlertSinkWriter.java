package io.trailwatch.connector.sns;

import io.trailwatch.alert.Alert;
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
 * are sent again, and only they; a fatal rejection fails the job with SNS's code and message. Logs
 * name counts and error codes, never alert content or credentials.
 */
class SnsAlertSinkWriter extends AsyncSinkWriter<Alert, SnsPublishEntry> {

    private static final Logger LOG = LoggerFactory.getLogger(SnsAlertSinkWriter.class);

    private final String topicArn;
    private final SnsPublishClient client;
    private final Counter numRecordsOutErrors;

    SnsAlertSinkWriter(
            ElementConverter<Alert, SnsPublishEntry> elementConverter,
            WriterInitContext context,
            AsyncSinkWriterConfiguration configuration,
            Collection<BufferedRequestState<SnsPublishEntry>> recoveredState,
            String topicArn,
            SnsPublishClient client) {
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
    }

    @Override
    protected void submitRequestEntries(
            List<SnsPublishEntry> entries, ResultHandler<SnsPublishEntry> resultHandler) {
        PublishBatchRequest request = toRequest(entries);
        client.publishBatch(request)
                .whenComplete(
                        (response, err) -> {
                            if (err != null) {
                                handleFailedRequest(err, entries, resultHandler);
                            } else if (response.hasFailed() && !response.failed().isEmpty()) {
                                handlePartlyFailedRequest(response, entries, resultHandler);
                            } else {
                                resultHandler.complete();
                            }
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
        LOG.warn(
                "PublishBatch of {} alerts to SNS failed; retrying: {}",
                entries.size(),
                err.toString());
        resultHandler.retryForEntries(entries);
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
        LOG.warn(
                "SNS rejected {} of {} alerts of a PublishBatch request; retrying them: {}",
                retry.size(),
                entries.size(),
                codesOf(response.failed()));
        resultHandler.retryForEntries(retry);
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
