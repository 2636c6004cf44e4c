package io.trailwatch.config;

import io.trailwatch.pipeline.PipelineSettings;
import java.time.Duration;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Options of the streaming job ({@code run}) besides the SQS source's own ({@link
 * io.trailwatch.connector.sqs.config.SqsSourceOptions}). Every option is listed in {@code
 * docs/configuration.md}; {@link OptionCatalog} finds them by reflection, so a new option here
 * appears there once the table is regenerated.
 */
public final class TrailWatchOptions {

    private TrailWatchOptions() {}

    public static final ConfigOption<String> AWS_REGION =
            ConfigOptions.key("aws.region")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "AWS region of the queue, the log bucket and the alert topic, e.g."
                                    + " eu-west-1. Unset: the SDK's default region chain"
                                    + " (AWS_REGION, profile, instance metadata).");

    public static final ConfigOption<String> SQS_ENDPOINT =
            ConfigOptions.key("aws.sqs.endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "SQS endpoint override, e.g. http://127.0.0.1:9324 for ElasticMQ."
                                    + " Unset: AWS itself.");

    public static final ConfigOption<String> S3_ENDPOINT =
            ConfigOptions.key("aws.s3.endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "S3 endpoint override for reading log files, e.g."
                                    + " http://127.0.0.1:8080 for S3Proxy. Unset: AWS itself.");

    public static final ConfigOption<Boolean> S3_PATH_STYLE =
            ConfigOptions.key("aws.s3.path-style-access")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Address buckets as endpoint/bucket instead of bucket.endpoint"
                                    + " (emulators such as S3Proxy need true).");

    public static final ConfigOption<String> SNS_ENDPOINT =
            ConfigOptions.key("aws.sns.endpoint")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "SNS endpoint override, e.g. http://127.0.0.1:4566 for fauxqs."
                                    + " Unset: AWS itself.");

    public static final ConfigOption<String> ALERT_TOPIC_ARN =
            ConfigOptions.key("alerts.sns.topic-arn")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "ARN of the SNS topic alerts are published to (required), e.g."
                                    + " arn:aws:sns:eu-west-1:123456789012:trailwatch-alerts. A"
                                    + " name ending in .fifo makes it a FIFO topic.");

    public static final ConfigOption<Duration> ALERT_DEDUP_TTL =
            ConfigOptions.key("alerts.dedup-ttl")
                    .durationType()
                    .defaultValue(PipelineSettings.defaults().alertDedupTtl())
                    .withDescription(
                            "How long an alert id is remembered, so a redelivered log file raises"
                                    + " no second alert.");

    public static final ConfigOption<String> OUTPUT_PATH =
            ConfigOptions.key("output.path")
                    .stringType()
                    .noDefaultValue()
                    .withDescription(
                            "Base path of the file outputs (aggregates, alert archive, late"
                                    + " records), e.g. s3://my-bucket/trailwatch or a local"
                                    + " directory. s3:// needs one of Flink's S3 file system"
                                    + " plugins (Managed Service for Apache Flink has it). Unset:"
                                    + " late records are only logged and counted.");

    public static final ConfigOption<String> PATTERNS_LOCATION =
            ConfigOptions.key("patterns.location")
                    .stringType()
                    .defaultValue(PatternLocation.BUNDLED)
                    .withDescription(
                            "Where the pattern set comes from: classpath:patterns (the pack"
                                    + " bundled in the jar), or a local file or directory of"
                                    + " .yaml files. The set is validated as a whole at start-up.");

    public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS =
            ConfigOptions.key("watermark.max-out-of-orderness")
                    .durationType()
                    .defaultValue(PipelineSettings.defaults().maxOutOfOrderness())
                    .withDescription(
                            "How far behind the newest event of its delivery stream (account and"
                                    + " region) an event may be and still count for threshold and"
                                    + " sequence patterns; later events go to the late-record"
                                    + " output.");

    public static final ConfigOption<Duration> IDLE_TIMEOUT =
            ConfigOptions.key("watermark.idle-timeout")
                    .durationType()
                    .defaultValue(PipelineSettings.defaults().idleTimeout())
                    .withDescription(
                            "After this long without events a delivery stream stops holding the"
                                    + " watermark back.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("checkpoint.interval")
                    .durationType()
                    .defaultValue(Duration.ofMinutes(1))
                    .withDescription(
                            "Interval of exactly-once checkpoints. Cannot be turned off: SQS"
                                    + " messages are deleted only when the checkpoint covering"
                                    + " their files completes. On Managed Service for Apache"
                                    + " Flink the application's checkpoint configuration rules.");

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("parallelism")
                    .intType()
                    .noDefaultValue()
                    .withDescription(
                            "Parallelism of the job. Unset: the cluster's default (Managed"
                                    + " Service for Apache Flink: the application's"
                                    + " parallelism).");
}
