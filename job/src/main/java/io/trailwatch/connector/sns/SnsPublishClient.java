package io.trailwatch.connector.sns;

import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * The one SNS call the sink makes. An interface, so that unit tests use a small hand-written fake
 * and integration tests the real client against an emulator.
 */
public interface SnsPublishClient extends AutoCloseable {

    /** Publishes a batch; the future fails with the SDK's exception if the whole request failed. */
    CompletableFuture<PublishBatchResponse> publishBatch(PublishBatchRequest request);

    @Override
    void close();
}
