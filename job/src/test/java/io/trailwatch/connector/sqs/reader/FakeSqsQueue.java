package io.trailwatch.connector.sqs.reader;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchRequest;
import software.amazon.awssdk.services.sqs.model.ChangeMessageVisibilityBatchResponse;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequest;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchResponse;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageRequest;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * One queue, for the calls the reader makes: ReceiveMessage hands out the messages sent to it, each
 * once, and counts every call; deletes and visibility changes succeed.
 */
final class FakeSqsQueue implements SqsClient {

    /** How long an empty receive waits, like a (short) long poll, so a polling loop is no spin. */
    private static final long EMPTY_RECEIVE_MILLIS = 20;

    private final Deque<Message> messages = new ArrayDeque<>();
    private final AtomicInteger receives = new AtomicInteger();
    private int sent;

    synchronized void send(String body) {
        String id = "message-" + ++sent;
        messages.add(
                Message.builder().messageId(id).receiptHandle("receipt-" + id).body(body).build());
    }

    /** ReceiveMessage calls so far. */
    int receives() {
        return receives.get();
    }

    @Override
    public ReceiveMessageResponse receiveMessage(ReceiveMessageRequest request) {
        receives.incrementAndGet();
        int max = request.maxNumberOfMessages() == null ? 1 : request.maxNumberOfMessages();
        List<Message> batch = new ArrayList<>();
        synchronized (this) {
            while (batch.size() < max && !messages.isEmpty()) {
                batch.add(messages.poll());
            }
        }
        if (batch.isEmpty()) {
            try {
                Thread.sleep(EMPTY_RECEIVE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return ReceiveMessageResponse.builder().messages(batch).build();
    }

    @Override
    public DeleteMessageBatchResponse deleteMessageBatch(DeleteMessageBatchRequest request) {
        return DeleteMessageBatchResponse.builder().build();
    }

    @Override
    public ChangeMessageVisibilityBatchResponse changeMessageVisibilityBatch(
            ChangeMessageVisibilityBatchRequest request) {
        return ChangeMessageVisibilityBatchResponse.builder().build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {}
}
