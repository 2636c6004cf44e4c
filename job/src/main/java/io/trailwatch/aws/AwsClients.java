package io.trailwatch.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The standard way to build AWS clients: default credentials provider chain, the Apache HTTP
 * client, a region and, for emulators, an endpoint override.
 */
public final class AwsClients {

    /** Long enough for a 20-second SQS long poll plus network time. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(45);

    private static final int MAX_CONNECTIONS = 32;

    private AwsClients() {}

    public static SqsClientProvider sqs(AwsClientSettings settings) {
        return () -> {
            var builder =
                    SqsClient.builder()
                            .httpClientBuilder(httpClient())
                            .credentialsProvider(DefaultCredentialsProvider.builder().build());
            if (settings.region() != null) {
                builder.region(Region.of(settings.region()));
            }
            if (settings.endpointOverride() != null) {
                builder.endpointOverride(URI.create(settings.endpointOverride()));
            }
            return builder.build();
        };
    }

    public static S3ClientProvider s3(AwsClientSettings settings) {
        return () -> {
            var builder =
                    S3Client.builder()
                            .httpClientBuilder(httpClient())
                            .credentialsProvider(DefaultCredentialsProvider.builder().build())
                            .serviceConfiguration(
                                    S3Configuration.builder()
                                            .pathStyleAccessEnabled(settings.pathStyleAccess())
                                            .build());
            if (settings.region() != null) {
                builder.region(Region.of(settings.region()));
            }
            if (settings.endpointOverride() != null) {
                builder.endpointOverride(URI.create(settings.endpointOverride()));
            }
            return builder.build();
        };
    }

    private static ApacheHttpClient.Builder httpClient() {
        return ApacheHttpClient.builder()
                .socketTimeout(SOCKET_TIMEOUT)
                .maxConnections(MAX_CONNECTIONS);
    }
}
