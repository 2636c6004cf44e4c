package io.trailwatch.connector.sns;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;
import software.amazon.awssdk.services.sns.model.PublishBatchResultEntry;

/**
 * Records every PublishBatch request and answers with scripted responses; once the script is used
 * up, every entry succeeds. Also keeps the entries it accepted, in order: what subscribers got.
 */
final class FakeSnsClient implements SnsPublishClient {

    private final List<PublishBatchRequest> requests = new ArrayList<>();
    private final List<PublishBatchRequestEntry> delivered = new ArrayList<>();
    private final Deque<Function<PublishBatchRequest, CompletableFuture<PublishBatchResponse>>>
            script = new ArrayDeque<>();
    private boolean closed;

    /** The next request fails as a whole with this exception. */
    FakeSnsClient thenFail(Throwable error) {
        script.add(request -> CompletableFuture.failedFuture(error));
        return this;
    }

    /** The next request succeeds (for scripts that fail again after a success). */
    FakeSnsClient thenSucceed() {
        script.add(FakeSnsClient::allSucceed);
        return this;
    }

    /** In the next request, the entries with these ids fail with the given error. */
    FakeSnsClient thenFailEntries(String code, boolean senderFault, String... ids) {
        script.add(
                request -> {
                    List<String> failing = List.of(ids);
                    List<BatchResultErrorEntry> failed = new ArrayList<>();
                    List<PublishBatchResultEntry> successful = new ArrayList<>();
                    for (PublishBatchRequestEntry entry : request.publishBatchRequestEntries()) {
                        if (failing.contains(entry.id())) {
                            failed.add(
                                    BatchResultErrorEntry.builder()
                                            .id(entry.id())
                                            .code(code)
                                            .message(code + " (fake)")
                                            .senderFault(senderFault)
                                            .build());
                        } else {
                            successful.add(success(entry));
                        }
                    }
                    return CompletableFuture.completedFuture(
                            PublishBatchResponse.builder()
                                    .successful(successful)
                                    .failed(failed)
                                    .build());
                });
        return this;
    }

    @Override
    public CompletableFuture<PublishBatchResponse> publishBatch(PublishBatchRequest request) {
        requests.add(request);
        CompletableFuture<PublishBatchResponse> response =
                script.isEmpty() ? allSucceed(request) : script.poll().apply(request);
        return response.thenApply(
                accepted -> {
                    rememberDelivered(request, accepted);
                    return accepted;
                });
    }

    private void rememberDelivered(PublishBatchRequest request, PublishBatchResponse response) {
        List<String> ids = response.successful().stream().map(PublishBatchResultEntry::id).toList();
        for (PublishBatchRequestEntry entry : request.publishBatchRequestEntries()) {
            if (ids.contains(entry.id())) {
                delivered.add(entry);
            }
        }
    }

    private static CompletableFuture<PublishBatchResponse> allSucceed(PublishBatchRequest request) {
        List<PublishBatchResultEntry> successful = new ArrayList<>();
        for (PublishBatchRequestEntry entry : request.publishBatchRequestEntries()) {
            successful.add(success(entry));
        }
        return CompletableFuture.completedFuture(
                PublishBatchResponse.builder().successful(successful).build());
    }

    private static PublishBatchResultEntry success(PublishBatchRequestEntry entry) {
        return PublishBatchResultEntry.builder()
                .id(entry.id())
                .messageId("message-" + entry.id())
                .build();
    }

    List<PublishBatchRequest> requests() {
        return requests;
    }

    /** Every entry of every request, in the order they were sent. */
    List<PublishBatchRequestEntry> publishedEntries() {
        List<PublishBatchRequestEntry> entries = new ArrayList<>();
        for (PublishBatchRequest request : requests) {
            entries.addAll(request.publishBatchRequestEntries());
        }
        return entries;
    }

    /** The entries SNS accepted, in the order it accepted them; a failed attempt adds none. */
    List<PublishBatchRequestEntry> deliveredEntries() {
        return delivered;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
    }
}
