package io.trailwatch.config;

import io.trailwatch.aws.AwsClientSettings;
import io.trailwatch.connector.sns.SnsAlertSink;
import io.trailwatch.connector.sns.SnsRetryBackoff;
import io.trailwatch.connector.sqs.SqsNotificationSource;
import io.trailwatch.output.OutputSettings;
import io.trailwatch.pipeline.PipelineSettings;
import java.time.Duration;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;

/**
 * The validated configuration of the streaming job: built only by {@link ConfigValidator}, so every
 * value here has been checked. Builds the production source and sink from it.
 */
public final class JobConfig {

    private final Configuration options;
    private final AwsClientSettings sqs;
    private final AwsClientSettings s3;
    private final PipelineSettings pipeline;
    private final PatternLocation patterns;
    private final OutputSettings outputs;

    JobConfig(
            Configuration options,
            AwsClientSettings sqs,
            AwsClientSettings s3,
            PipelineSettings pipeline,
            PatternLocation patterns,
            OutputSettings outputs) {
        this.options = options;
        this.sqs = sqs;
        this.s3 = s3;
        this.pipeline = pipeline;
        this.patterns = patterns;
        this.outputs = outputs;
    }

    /** Every option as validated, defaults included where an option has one. */
    public Configuration options() {
        return new Configuration(options);
    }

    public PipelineSettings pipelineSettings() {
        return pipeline;
    }

    public PatternLocation patternLocation() {
        return patterns;
    }

    public Duration checkpointInterval() {
        return options.get(TrailWatchOptions.CHECKPOINT_INTERVAL);
    }

    /** The job's parallelism, if set; otherwise the cluster's default applies. */
    public Optional<Integer> parallelism() {
        return options.getOptional(TrailWatchOptions.PARALLELISM);
    }

    /**
     * The file outputs (aggregates, alert archive, late records), if {@code output.path} is set.
     */
    public Optional<OutputSettings> outputSettings() {
        return Optional.ofNullable(outputs);
    }

    public String alertTopicArn() {
        return options.get(TrailWatchOptions.ALERT_TOPIC_ARN);
    }

    /** The SQS notification source with every {@code source.*} option and the AWS settings. */
    public SqsNotificationSource source() {
        return SqsNotificationSource.builder()
                .configuration(options)
                .sqsSettings(sqs)
                .s3Settings(s3)
                .build();
    }

    /**
     * The SNS sink publishing to {@code alerts.sns.topic-arn}, with the other alerts.sns.* options.
     */
    public SnsAlertSink alertSink() {
        return SnsAlertSink.builder()
                .setTopicArn(alertTopicArn())
                .setRegion(options.get(TrailWatchOptions.AWS_REGION))
                .setEndpointOverride(options.get(TrailWatchOptions.SNS_ENDPOINT))
                .setMaxTimeInBufferMS(
                        options.get(TrailWatchOptions.ALERT_MAX_BUFFER_TIME).toMillis())
                .setRetryBackoff(
                        new SnsRetryBackoff(
                                options.get(TrailWatchOptions.ALERT_RETRY_INITIAL_BACKOFF),
                                options.get(TrailWatchOptions.ALERT_RETRY_MAX_BACKOFF)))
                .build();
    }
}
