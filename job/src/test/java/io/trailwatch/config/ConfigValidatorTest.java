package io.trailwatch.config;

import static io.trailwatch.config.ConfigSourcesTest.BUCKET;
import static io.trailwatch.config.ConfigSourcesTest.QUEUE_URL;
import static io.trailwatch.config.ConfigSourcesTest.TOPIC_ARN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trailwatch.connector.sns.SnsRetryBackoff;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start-up validation reports every problem at once, naming the option and what to change. */
class ConfigValidatorTest {

    private static final String FROM_FLAGS = " (from command line)";

    @Test
    void everyProblemIsReportedAtOnce() {
        List<ConfigProblem> problems =
                problemsOf(
                        settings()
                                .put("source.sqs.bucket-allowlist", BUCKET, "command line")
                                .put(
                                        "alerts.sns.topic-arn",
                                        "arn:aws:sns:eu-west-1:alerts",
                                        "command line")
                                .put("watermark.idle-timeout", "-5 min", "command line")
                                .put("watermark.max-out-of-orderness", "soon", "command line")
                                .put("alerts.dedup-tll", "1 d", "command line")
                                .put("source.sqs.max-messages-per-poll", "20", "command line")
                                .put("source.sqs.wait-time", "1 min", "command line")
                                .put("parallelism", "0", "command line"));

        assertThat(problems)
                .extracting(ConfigProblem::toString)
                .containsExactlyInAnyOrder(
                        "option 'alerts.dedup-tll'"
                                + FROM_FLAGS
                                + ": unknown option; did you mean 'alerts.dedup-ttl'?",
                        "option 'watermark.max-out-of-orderness'"
                                + FROM_FLAGS
                                + ": cannot parse 'soon' as Duration; write e.g. 500 ms, 30 s,"
                                + " 5 min, 1 h or 1 d",
                        "option 'source.sqs.queue-url': is required; URL of the SQS queue that"
                                + " receives the log-delivery notifications.",
                        "option 'alerts.sns.topic-arn'"
                                + FROM_FLAGS
                                + ": 'arn:aws:sns:eu-west-1:alerts' is not an SNS topic ARN;"
                                + " write arn:aws:sns:<region>:<12-digit account>:<topic name>",
                        "option 'watermark.idle-timeout'"
                                + FROM_FLAGS
                                + ": must not be negative, was -5 min",
                        "option 'parallelism'" + FROM_FLAGS + ": must be at least 1, was 0",
                        "option 'source.sqs.max-messages-per-poll'"
                                + FROM_FLAGS
                                + ": must be 1 to 10, was 20",
                        "option 'source.sqs.wait-time'"
                                + FROM_FLAGS
                                + ": must be 0 to 20 seconds, was 1 min");
    }

    @Test
    void aKeyWithoutItsPrefixSuggestsTheFullKey() {
        assertThat(problemsOf(complete().put("queue-url", QUEUE_URL, "config.yaml")))
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        "option 'queue-url' (from config.yaml): unknown option; did you mean"
                                + " 'source.sqs.queue-url'?");
    }

    @Test
    void anUnrelatedUnknownKeyPointsAtTheDocumentation() {
        assertThat(problemsOf(complete().put("colour", "blue", "config.yaml")))
                .extracting(ConfigProblem::message)
                .containsExactly("unknown option; docs/configuration.md lists every option");
    }

    @Test
    void malformedUrlsAndNamesAreRejected() {
        assertThat(
                        problemsOf(
                                complete()
                                        .put("source.sqs.queue-url", "cloudtrail", "f")
                                        .put("source.sqs.bucket-allowlist", "Bad_Bucket", "f")
                                        .put("aws.sqs.endpoint", "127.0.0.1:9324", "f")
                                        .put("aws.region", "Ireland", "f")))
                .extracting(ConfigProblem::message)
                .containsExactlyInAnyOrder(
                        "'cloudtrail' is not a queue URL; write it like"
                                + " https://sqs.eu-west-1.amazonaws.com/123456789012/cloudtrail",
                        "'Bad_Bucket' is not an S3 bucket name (3-63 of a-z 0-9 . -)",
                        "endpoint override '127.0.0.1:9324' is not an absolute URL; write it like"
                                + " http://127.0.0.1:9324",
                        "'Ireland' is not an AWS region name such as eu-west-1");
    }

    @Test
    void patternsFromS3AreAPrefixOrObjectInABucket() throws Exception {
        assertThat(
                        ConfigValidator.validate(
                                        complete()
                                                .put(
                                                        "patterns.location",
                                                        "s3://bucket/patterns/",
                                                        "f"),
                                        List.of())
                                .patternLocation())
                .hasToString("s3://bucket/patterns/");
        assertThat(problemsOf(complete().put("patterns.location", "s3:///patterns/", "f")))
                .extracting(ConfigProblem::toString)
                .singleElement()
                .asString()
                .startsWith("option 'patterns.location' (from f): names no bucket");
    }

    @Test
    void fileOutputsAreOnlyWithAnOutputPath() throws Exception {
        assertThat(ConfigValidator.validate(complete(), List.of()).outputSettings()).isEmpty();

        JobConfig config =
                ConfigValidator.validate(
                        complete()
                                .put("output.path", "s3://trailwatch-output/prod", "f")
                                .put("output.aggregates.window-sizes", "5 min;1 d", "f"),
                        List.of());

        assertThat(config.outputSettings()).isPresent();
        assertThat(config.outputSettings().get().basePath())
                .isEqualTo("s3://trailwatch-output/prod");
        assertThat(config.outputSettings().get().windowSizes())
                .containsExactly(Duration.ofMinutes(5), Duration.ofDays(1));
    }

    @Test
    void badOutputSettingsAreReportedWithTheRest() {
        assertThat(
                        problemsOf(
                                complete()
                                        .put("output.path", "s3://trailwatch-output/prod", "f")
                                        .put("output.aggregates.window-sizes", "1 min;often", "f")
                                        .put("output.rolling.rollover-interval", "0 s", "f")))
                .extracting(ConfigProblem::subject)
                .containsExactlyInAnyOrder(
                        "option 'output.aggregates.window-sizes' (from f)",
                        "option 'output.rolling.rollover-interval' (from f)");
    }

    @Test
    void theStringLengthLimitOfLogFilesMustBePositive() {
        assertThat(problemsOf(complete().put("source.s3.max-string-length", "0", "f")))
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        "option 'source.s3.max-string-length' (from f): must be at least 1, was"
                                + " 0");
    }

    @Test
    void checkpointingCannotBeTurnedOff() {
        assertThat(problemsOf(complete().put("checkpoint.interval", "0 s", "f")))
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        "option 'checkpoint.interval' (from f): must be a positive duration, was"
                                + " 0 ms; write e.g. 5 min");
    }

    @Test
    void aCompleteConfigurationBuildsTheSourceAndTheSink() throws Exception {
        JobConfig config = ConfigValidator.validate(complete(), List.of());

        assertThat(config.source()).isNotNull();
        assertThat(config.alertSink().topicArn()).isEqualTo(TOPIC_ARN);
        assertThat(config.alertSink().maxTimeInBuffer()).isEqualTo(Duration.ofMillis(100));
        assertThat(config.alertSink().retryBackoff()).isEqualTo(SnsRetryBackoff.DEFAULT);
    }

    @Test
    void theSnsSinksBufferTimeAndBackoffComeFromTheirOptions() throws Exception {
        JobConfig config =
                ConfigValidator.validate(
                        complete()
                                .put("alerts.sns.max-buffer-time", "50 ms", "f")
                                .put("alerts.sns.retry-initial-backoff", "200 ms", "f")
                                .put("alerts.sns.retry-max-backoff", "10 s", "f"),
                        List.of());

        assertThat(config.alertSink().maxTimeInBuffer()).isEqualTo(Duration.ofMillis(50));
        assertThat(config.alertSink().retryBackoff())
                .isEqualTo(new SnsRetryBackoff(Duration.ofMillis(200), Duration.ofSeconds(10)));
    }

    @Test
    void snsSinkTimesOutOfRangeAreReportedWithTheirRange() {
        assertThat(
                        problemsOf(
                                complete()
                                        .put("alerts.sns.max-buffer-time", "0 ms", "f")
                                        .put("alerts.sns.retry-initial-backoff", "2 s", "f")
                                        .put("alerts.sns.retry-max-backoff", "1 s", "f")))
                .extracting(ConfigProblem::toString)
                .containsExactlyInAnyOrder(
                        "option 'alerts.sns.max-buffer-time' (from f): must be from 1 ms to 1 min,"
                                + " was 0 ms",
                        "option 'alerts.sns.retry-max-backoff' (from f): must be from 2 s to 1"
                                + " min, was 1 s");
        assertThat(problemsOf(complete().put("alerts.sns.max-buffer-time", "2 min", "f")))
                .extracting(ConfigProblem::toString)
                .containsExactly(
                        "option 'alerts.sns.max-buffer-time' (from f): must be from 1 ms to 1 min,"
                                + " was 2 min");
    }

    private static GivenSettings settings() {
        return new GivenSettings();
    }

    private static GivenSettings complete() {
        return settings()
                .put("source.sqs.queue-url", QUEUE_URL, "f")
                .put("source.sqs.bucket-allowlist", BUCKET, "f")
                .put("alerts.sns.topic-arn", TOPIC_ARN, "f");
    }

    private static List<ConfigProblem> problemsOf(GivenSettings settings) {
        InvalidConfigException e =
                catchThrowableOfType(
                        InvalidConfigException.class,
                        () -> ConfigValidator.validate(settings, List.of()));
        assertThat(e).as("validation fails").isNotNull();
        return e.problems();
    }
}
