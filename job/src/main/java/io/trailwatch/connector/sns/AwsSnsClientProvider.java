package io.trailwatch.connector.sns;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;
import software.amazon.awssdk.services.sns.model.PublishBatchRequest;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * The real SNS client, built the standard way: credentials from the default chain (environment,
 * system properties, profile, container or instance role), the given region or the default region
 * chain, an optional endpoint override (emulators), and the Apache HTTP client. The SDK client is
 * synchronous; requests run on a small pool so the writer never blocks on the network.
 */
public final class AwsSnsClientProvider implements SnsClientProvider {

    private static final long serialVersionUID = 1L;

    /**
     * Attempts the SDK makes per PublishBatch call (its standard strategy's count, pinned so that
     * environment settings cannot raise it): quick retries of a blip, while longer outages are the
     * sink's backoff's to handle.
     */
    public static final int SDK_MAX_ATTEMPTS = 3;

    private final String region;
    private final String endpointOverride;

    /**
     * @param region e.g. {@code eu-west-1}; null for the SDK's default region chain
     * @param endpointOverride e.g. {@code http://127.0.0.1:4566}; null for AWS itself
     */
    public AwsSnsClientProvider(String region, String endpointOverride) {
        this.region = region;
        this.endpointOverride = endpointOverride;
    }

    @Override
    public SnsPublishClient create(int maxConcurrentRequests) {
        SnsClientBuilder builder =
                SnsClient.builder()
                        .credentialsProvider(DefaultCredentialsProvider.builder().build())
                        .httpClientBuilder(
                                ApacheHttpClient.builder().maxConnections(maxConcurrentRequests))
                        .overrideConfiguration(
                                override ->
                                        override.retryStrategy(
                                                retries -> retries.maxAttempts(SDK_MAX_ATTEMPTS)));
        if (region != null) {
            builder.region(Region.of(region));
        }
        if (endpointOverride != null) {
            builder.endpointOverride(URI.create(endpointOverride));
        }
        return new PooledSnsPublishClient(builder.build(), maxConcurrentRequests);
    }

    /** Runs the synchronous SDK client's calls on a fixed pool of daemon threads. */
    private static final class PooledSnsPublishClient implements SnsPublishClient {

        private final SnsClient client;
        private final ExecutorService pool;

        PooledSnsPublishClient(SnsClient client, int threads) {
            this.client = client;
            this.pool = Executors.newFixedThreadPool(threads, daemonThreads());
        }

        @Override
        public CompletableFuture<PublishBatchResponse> publishBatch(PublishBatchRequest request) {
            return CompletableFuture.supplyAsync(() -> client.publishBatch(request), pool);
        }

        @Override
        public void close() {
            pool.shutdownNow();
            client.close();
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger count = new AtomicInteger();
            return task -> {
                Thread thread = new Thread(task, "sns-publish-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
