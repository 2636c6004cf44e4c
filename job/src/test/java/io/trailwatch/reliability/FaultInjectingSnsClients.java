package io.trailwatch.reliability;

import io.trailwatch.connector.sns.SnsClientProvider;
import io.trailwatch.connector.sns.SnsPublishClient;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sns.model.AuthorizationErrorException;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * SNS clients that signal once alerts have reached SNS, and, if asked, fail one PublishBatch after
 * SNS accepted it (so subscribers got the alerts but the sink sees an error it may not retry): the
 * sink fails its task in the middle of publishing.
 */
final class FaultInjectingSnsClients implements SnsClientProvider {
    private static final long serialVersionUID = 1L;

    private final SnsClientProvider clients;
    private final String publishedSignal;
    private final String publishFault;

    /**
     * @param publishFault the fault's name, or {@code null} to only signal
     */
    FaultInjectingSnsClients(
            SnsClientProvider clients, String publishedSignal, String publishFault) {
        this.clients = clients;
        this.publishedSignal = publishedSignal;
        this.publishFault = publishFault;
    }

    @Override
    public SnsPublishClient create(int maxConcurrentRequests) {
        SnsPublishClient client = clients.create(maxConcurrentRequests);
        return new SnsPublishClient() {
            @Override
            public CompletableFuture<PublishBatchResponse> publishBatch(
                    PublishBatchRequest request) {
                return client.publishBatch(request).thenApply(this::afterPublish);
            }

            private PublishBatchResponse afterPublish(PublishBatchResponse response) {
                if (response.hasSuccessful() && !response.successful().isEmpty()) {
                    Faults.signal(publishedSignal);
                    if (publishFault != null && Faults.fireOnce(publishFault)) {
                        // Fatal for the sink (it must not retry a denied publish): the task fails.
                        throw AuthorizationErrorException.builder()
                                .message(
                                        "injected fault: "
                                                + publishFault
                                                + " after SNS accepted "
                                                + response.successful().size()
                                                + " alerts")
                                .build();
                    }
                }
                return response;
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }
}
