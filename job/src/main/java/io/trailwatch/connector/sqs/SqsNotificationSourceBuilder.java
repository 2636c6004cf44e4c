package io.trailwatch.connector.sqs;

import io.trailwatch.aws.AwsClientSettings;
import io.trailwatch.aws.AwsClients;
import io.trailwatch.aws.S3ClientProvider;
import io.trailwatch.aws.SqsClientProvider;
import io.trailwatch.connector.sqs.config.SqsSourceConfig;
import io.trailwatch.connector.sqs.config.SqsSourceOptions;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.Configuration;

/**
 * Builds a {@link SqsNotificationSource}. Settings come from {@link SqsSourceOptions} (a {@link
 * Configuration} or the setters here); AWS clients from {@link AwsClients} unless given.
 *
 * <pre>{@code
 * SqsNotificationSource source = SqsNotificationSource.builder()
 *     .queueUrl("https://sqs.eu-west-1.amazonaws.com/123456789012/cloudtrail")
 *     .bucketAllowlist(List.of("org-cloudtrail-logs"))
 *     .awsSettings(AwsClientSettings.forRegion("eu-west-1"))
 *     .build();
 * }</pre>
 */
public final class SqsNotificationSourceBuilder {

    private final Configuration configuration = new Configuration();
    private AwsClientSettings sqsSettings = AwsClientSettings.forRegion(null);
    private AwsClientSettings s3Settings = AwsClientSettings.forRegion(null);
    private SqsClientProvider sqsClients;
    private S3ClientProvider s3Clients;

    SqsNotificationSourceBuilder() {}

    /** Takes every {@link SqsSourceOptions} option set in {@code options}. */
    public SqsNotificationSourceBuilder configuration(Configuration options) {
        configuration.addAll(options);
        return this;
    }

    public SqsNotificationSourceBuilder queueUrl(String queueUrl) {
        configuration.set(SqsSourceOptions.QUEUE_URL, queueUrl);
        return this;
    }

    public SqsNotificationSourceBuilder bucketAllowlist(List<String> buckets) {
        configuration.set(SqsSourceOptions.BUCKET_ALLOWLIST, buckets);
        return this;
    }

    public SqsNotificationSourceBuilder waitTime(Duration waitTime) {
        configuration.set(SqsSourceOptions.WAIT_TIME, waitTime);
        return this;
    }

    public SqsNotificationSourceBuilder visibilityTimeout(Duration timeout) {
        configuration.set(SqsSourceOptions.VISIBILITY_TIMEOUT, timeout);
        return this;
    }

    public SqsNotificationSourceBuilder maxInFlightMessages(int max) {
        configuration.set(SqsSourceOptions.MAX_IN_FLIGHT_MESSAGES, max);
        return this;
    }

    /** Makes the source bounded: it finishes after this many consecutive empty polls. */
    public SqsNotificationSourceBuilder stopAfterEmptyPolls(int polls) {
        configuration.set(SqsSourceOptions.BOUNDED_EMPTY_POLLS, polls);
        return this;
    }

    /** The same endpoint settings for SQS and S3 (region, endpoint override, path style). */
    public SqsNotificationSourceBuilder awsSettings(AwsClientSettings settings) {
        this.sqsSettings = settings;
        this.s3Settings = settings;
        return this;
    }

    public SqsNotificationSourceBuilder sqsSettings(AwsClientSettings settings) {
        this.sqsSettings = settings;
        return this;
    }

    public SqsNotificationSourceBuilder s3Settings(AwsClientSettings settings) {
        this.s3Settings = settings;
        return this;
    }

    /** Replaces the standard SQS client (tests). */
    public SqsNotificationSourceBuilder sqsClientProvider(SqsClientProvider provider) {
        this.sqsClients = provider;
        return this;
    }

    /** Replaces the standard S3 client (tests). */
    public SqsNotificationSourceBuilder s3ClientProvider(S3ClientProvider provider) {
        this.s3Clients = provider;
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the option, if the configuration is incomplete or out
     *     of range
     */
    public SqsNotificationSource build() {
        return new SqsNotificationSource(
                SqsSourceConfig.from(configuration),
                sqsClients != null ? sqsClients : AwsClients.sqs(sqsSettings),
                s3Clients != null ? s3Clients : AwsClients.s3(s3Settings));
    }
}
