package io.trailwatch.config;

import io.trailwatch.aggregate.ActivityAggregates;
import io.trailwatch.connector.sns.SnsAlertSinkBuilder;
import io.trailwatch.connector.sns.SnsRetryBackoff;
import io.trailwatch.output.RollingSettings;
import io.trailwatch.pipeline.PipelineSettings;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.MemorySize;

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

    public static final ConfigOption<Duration> ALERT_MAX_BUFFER_TIME =
            ConfigOptions.key("alerts.sns.max-buffer-time")
                    .durationType()
                    .defaultValue(SnsAlertSinkBuilder.DEFAULT_MAX_TIME_IN_BUFFER)
                    .withDescription(
                            "Longest an alert waits for others to share its SNS PublishBatch"
                                    + " request (a full batch of 10 goes at once). Most of the"
                                    + " time from notification to alert when alerts are few;"
                                    + " 1 ms to 1 min.");

    public static final ConfigOption<Duration> ALERT_RETRY_INITIAL_BACKOFF =
            ConfigOptions.key("alerts.sns.retry-initial-backoff")
                    .durationType()
                    .defaultValue(SnsRetryBackoff.DEFAULT.initialDelay())
                    .withDescription(
                            "Wait before alerts SNS failed to take (throttling, server errors,"
                                    + " no connection) are sent again; it doubles with each"
                                    + " failure in a row up to alerts.sns.retry-max-backoff,"
                                    + " with jitter (between half and all of it), and starts"
                                    + " over after a success. At least 1 ms.");

    public static final ConfigOption<Duration> ALERT_RETRY_MAX_BACKOFF =
            ConfigOptions.key("alerts.sns.retry-max-backoff")
                    .durationType()
                    .defaultValue(SnsRetryBackoff.DEFAULT.maxDelay())
                    .withDescription(
                            "Longest wait between attempts to publish alerts while SNS keeps"
                                    + " failing. Checkpoints wait for alerts in flight, so while"
                                    + " SNS is down they wait (or time out) until it is back."
                                    + " From alerts.sns.retry-initial-backoff to 1 min.");

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
                            "Base path of the file outputs: aggregates/, alerts/ (the alert"
                                    + " archive) and late/ (late records), in hourly partitions"
                                    + " that deploy/athena's tables read; e.g."
                                    + " s3://my-bucket/trailwatch or file:///var/trailwatch."
                                    + " s3:// needs one of Flink's S3 file system plugins (Managed"
                                    + " Service for Apache Flink has it). Unset: no aggregates or"
                                    + " archive, and late records are only logged.");

    public static final ConfigOption<List<Duration>> AGGREGATE_WINDOW_SIZES =
            ConfigOptions.key("output.aggregates.window-sizes")
                    .durationType()
                    .asList()
                    .defaultValues(ActivityAggregates.DEFAULT_WINDOW_SIZES.toArray(new Duration[0]))
                    .withDescription(
                            "Sizes of the event-time tumbling windows activity is counted in, one"
                                    + " aggregate table per size (semicolon-separated).");

    public static final ConfigOption<MemorySize> OUTPUT_MAX_PART_SIZE =
            ConfigOptions.key("output.rolling.max-part-size")
                    .memoryType()
                    .defaultValue(new MemorySize(RollingSettings.defaults().maxPartSizeBytes()))
                    .withDescription(
                            "An output file is closed once it holds this much; files are also"
                                    + " closed at every checkpoint.");

    public static final ConfigOption<Duration> OUTPUT_ROLLOVER_INTERVAL =
            ConfigOptions.key("output.rolling.rollover-interval")
                    .durationType()
                    .defaultValue(RollingSettings.defaults().rolloverInterval())
                    .withDescription("An output file is closed once it has been open this long.");

    public static final ConfigOption<Duration> OUTPUT_INACTIVITY_INTERVAL =
            ConfigOptions.key("output.rolling.inactivity-interval")
                    .durationType()
                    .defaultValue(RollingSettings.defaults().inactivityInterval())
                    .withDescription(
                            "An alert or late-record file with nothing written for this long is"
                                    + " closed.");

    public static final ConfigOption<String> PATTERNS_LOCATION =
            ConfigOptions.key("patterns.location")
                    .stringType()
                    .defaultValue(PatternLocation.BUNDLED)
                    .withDescription(
                            "Where the pattern set comes from: classpath:patterns (the pack"
                                    + " bundled in the jar), a local file or directory of .yaml"
                                    + " files, or an S3 prefix or object (s3://bucket/prefix/,"
                                    + " read with the job's credentials and aws.s3.* settings)."
                                    + " The set is validated as a whole at start-up; see"
                                    + " docs/pattern-updates.md.");

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
