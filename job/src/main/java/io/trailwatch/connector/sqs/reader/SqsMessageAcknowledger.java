package io.trailwatch.connector.sqs.reader;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;

/**
 * Deletes covered messages and keeps held messages invisible, off the task thread, on one thread so
 * the two never race for a receipt handle. A failed delete is logged and counted: the message
 * reappears, and the remembered files keep its records from being emitted twice.
 */
final class SqsMessageAcknowledger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqsMessageAcknowledger.class);
    private static final int SQS_BATCH_LIMIT = 10;

    private final SqsClient sqs;
    private final String queueUrl;
    private final InFlightMessages inFlight;
    private final SqsSourceMetrics metrics;
    private final int visibilityTimeoutSeconds;
    private final ScheduledExecutorService executor;

    SqsMessageAcknowledger(
            SqsClient sqs,
            String queueUrl,
            InFlightMessages inFlight,
            SqsSourceMetrics metrics,
            Duration visibilityTimeout) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.visibilityTimeoutSeconds = (int) visibilityTimeout.getSeconds();
        this.executor =
                Executors.newSingleThreadScheduledExecutor(
                        runnable -> {
                            Thread thread = new Thread(runnable, "sqs-acknowledger");
                            thread.setDaemon(true);
                            return thread;
                        });
        long period = Math.max(1000, visibilityTimeout.toMillis() / 3);
        executor.scheduleWithFixedDelay(
                this::extendVisibility, period, period, TimeUnit.MILLISECONDS);
    }

    void deleteLater(List<InFlightMessages.Held> messages) {
        if (!messages.isEmpty()) {
            executor.execute(() -> delete(messages));
        }
    }

    private void delete(List<InFlightMessages.Held> messages) {
        for (int from = 0; from < messages.size(); from += SQS_BATCH_LIMIT) {
            List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
            for (InFlightMessages.Held message :
                    messages.subList(from, Math.min(messages.size(), from + SQS_BATCH_LIMIT))) {
                entries.add(
                        DeleteMessageBatchRequestEntry.builder()
                                .id(String.valueOf(entries.size()))
                                .receiptHandle(message.receiptHandle)
                                .build());
            }
            try {
                DeleteMessageBatchResponse response =
                        sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
                metrics.messagesDeleted.inc(response.successful().size());
                for (BatchResultErrorEntry failed : response.failed()) {
                    LOG.warn(
                            "Could not delete message {} from {}: {} {}; it will be redelivered",
                            messages.get(from + Integer.parseInt(failed.id())).messageId,
                            queueUrl,
                            failed.code(),
                            failed.message());
                }
            } catch (SdkException e) {
                LOG.warn(
                        "Could not delete {} messages from {}; they will be redelivered",
                        entries.size(),
                        queueUrl,
                        e);
            }
        }
    }

    private void extendVisibility() {
        List<String> handles = inFlight.receiptHandles();
        for (int from = 0; from < handles.size(); from += SQS_BATCH_LIMIT) {
            List<ChangeMessageVisibilityBatchRequestEntry> entries = new ArrayList<>();
            for (String handle :
                    handles.subList(from, Math.min(handles.size(), from + SQS_BATCH_LIMIT))) {
                entries.add(
                        ChangeMessageVisibilityBatchRequestEntry.builder()
                                .id(String.valueOf(entries.size()))
                                .receiptHandle(handle)
                                .visibilityTimeout(visibilityTimeoutSeconds)
                                .build());
            }
            try {
                ChangeMessageVisibilityBatchResponse response =
                        sqs.changeMessageVisibilityBatch(
                                b -> b.queueUrl(queueUrl).entries(entries));
                for (BatchResultErrorEntry failed : response.failed()) {
                    LOG.warn(
                            "Could not extend the visibility of a message in {}: {} {}",
                            queueUrl,
                            failed.code(),
                            failed.message());
                }
            } catch (SdkException e) {
                LOG.warn("Could not extend message visibility in {}", queueUrl, e);
            }
        }
    }

    /** Finishes the deletes already asked for, then stops. */
    @Override
    public void close() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }
}
