package io.trailwatch.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.aggregate.Dimension;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.aws.AwsClientSettings;
import io.trailwatch.aws.AwsClients;
import io.trailwatch.aws.S3ClientProvider;
import io.trailwatch.aws.SqsClientProvider;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.config.PatternLocation;
import io.trailwatch.connector.sns.AwsSnsClientProvider;
import io.trailwatch.connector.sns.SnsAlertSink;
import io.trailwatch.connector.sns.SnsClientProvider;
import io.trailwatch.connector.sqs.SqsNotificationSource;
import io.trailwatch.job.StreamingJob;
import io.trailwatch.output.OutputSettings;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.LocalDetection;
import io.trailwatch.pipeline.PipelineSettings;
import io.trailwatch.pipeline.RepositoryFiles;
import io.trailwatch.testing.LocalAws;
import io.trailwatch.testing.OutputDirectory;
import io.trailwatch.testing.SubscribedQueue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * One run of the streaming job ({@link StreamingJob}: SQS source, SNS sink, file outputs) against
 * the emulators, with checkpoints every half second and a fixed-delay restart strategy, and with
 * hooks to put fault-injecting wrappers around the AWS clients and the source. Short timeouts keep
 * CI fast: the source hides a message for 3 s and a bounded run ends after 6 empty 1 s polls, which
 * outlasts a message hidden by a crashed attempt.
 */
final class EmulatedRun {

    static final int PARALLELISM = 2;
    static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(3);
    static final int MAX_RECEIVE_COUNT = 5;
    static final String TOPIC_ARN_PREFIX = "arn:aws:sns:us-east-1:000000000000:";

    /** The bundled pattern pack, as {@code run} loads it by default. */
    static PatternSet patterns() throws Exception {
        return PatternLocation.parse(PatternLocation.BUNDLED).load();
    }

    static final Path SAMPLES = RepositoryFiles.root().resolve("samples");

    private static LocalDetection.Result expectedOnSamples;

    /**
     * What {@code detect} finds in the bundled samples with {@link #patterns()}: the alerts and
     * record count every run on the emulators must reproduce. Computed once per JVM.
     */
    static synchronized LocalDetection.Result expectedOnSamples() throws Exception {
        if (expectedOnSamples == null) {
            expectedOnSamples =
                    new LocalDetection(patterns(), settings(), PARALLELISM).run(List.of(SAMPLES));
        }
        return expectedOnSamples;
    }

    /** A bound wide enough that no sample record is late, as in {@code detect}. */
    static PipelineSettings settings() {
        return new PipelineSettings(Duration.ofDays(1), Duration.ofMinutes(30), Duration.ofDays(1));
    }

    /** What the run left behind, read after it ended. */
    record Outcome(
            List<String> publishedAlertIds,
            List<String> archivedAlertIds,
            Map<String, Long> minuteTotals,
            Map<String, Long> hourTotals,
            int messagesLeft,
            int deadLettered) {}

    private final LocalAws aws;
    private final PatternSet patterns;
    private final String queueUrl;
    private final String bucket;
    private final String topic;
    private final Path outputDir;
    private String sqsEndpoint;
    private String s3Endpoint;
    private String snsEndpoint;
    private int emptyPollsToStop = 6;
    private Duration checkpointInterval = Duration.ofMillis(500);
    private Duration visibilityTimeout = VISIBILITY_TIMEOUT;
    private UnaryOperator<SqsClientProvider> sqsWrapper = UnaryOperator.identity();
    private UnaryOperator<SnsClientProvider> snsWrapper = UnaryOperator.identity();
    private UnaryOperator<Source<CloudTrailRecord, ?, ?>> sourceWrapper = UnaryOperator.identity();

    EmulatedRun(
            LocalAws aws,
            String snsEndpoint,
            PatternSet patterns,
            String queueUrl,
            String bucket,
            String topic,
            Path outputDir) {
        this.aws = aws;
        this.patterns = patterns;
        this.queueUrl = queueUrl;
        this.bucket = bucket;
        this.topic = topic;
        this.outputDir = outputDir;
        this.sqsEndpoint = aws.sqsEndpoint;
        this.s3Endpoint = aws.s3Endpoint;
        this.snsEndpoint = snsEndpoint;
    }

    /** Reach the services through other endpoints (e.g. fault-injecting proxies). */
    EmulatedRun endpoints(String sqs, String s3, String sns) {
        this.sqsEndpoint = sqs;
        this.s3Endpoint = s3;
        this.snsEndpoint = sns;
        return this;
    }

    /** Reads forever, with production-like checkpoint interval and visibility timeout. */
    EmulatedRun unbounded(Duration checkpointInterval, Duration visibilityTimeout) {
        this.emptyPollsToStop = 0;
        this.checkpointInterval = checkpointInterval;
        this.visibilityTimeout = visibilityTimeout;
        return this;
    }

    /**
     * Hides received messages for {@code visibilityTimeout}; a bounded run ends after {@code
     * emptyPollsToStop} empty 1 s polls, which must outlast a message hidden by a crashed attempt.
     */
    EmulatedRun hideMessages(Duration visibilityTimeout, int emptyPollsToStop) {
        this.visibilityTimeout = visibilityTimeout;
        this.emptyPollsToStop = emptyPollsToStop;
        return this;
    }

    EmulatedRun wrapSqs(UnaryOperator<SqsClientProvider> wrapper) {
        this.sqsWrapper = wrapper;
        return this;
    }

    EmulatedRun wrapSns(UnaryOperator<SnsClientProvider> wrapper) {
        this.snsWrapper = wrapper;
        return this;
    }

    EmulatedRun wrapSource(UnaryOperator<Source<CloudTrailRecord, ?, ?>> wrapper) {
        this.sourceWrapper = wrapper;
        return this;
    }

    /** Runs the job until the bounded source has drained the queue and the job finished. */
    void execute() throws Exception {
        environment().execute("trailwatch reliability");
    }

    /** Starts the job and returns at once. */
    JobClient start() throws Exception {
        return environment().executeAsync("trailwatch reliability");
    }

    private StreamExecutionEnvironment environment() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 5);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        new StreamingJob(
                        patterns,
                        settings(),
                        sourceWrapper.apply(source()),
                        SnsAlertSink.builder()
                                .setTopicArn(TOPIC_ARN_PREFIX + topic)
                                .setClientProvider(
                                        snsWrapper.apply(
                                                new AwsSnsClientProvider(
                                                        LocalAws.REGION, snsEndpoint)))
                                .build(),
                        Optional.of(OutputSettings.at(outputDir.toUri().toString())))
                .attach(env);
        return env;
    }

    private SqsNotificationSource source() {
        S3ClientProvider s3 =
                AwsClients.s3(
                        AwsClientSettings.forRegion(LocalAws.REGION)
                                .withEndpointOverride(s3Endpoint)
                                .withPathStyleAccess(true));
        SqsClientProvider sqs =
                AwsClients.sqs(
                        AwsClientSettings.forRegion(LocalAws.REGION)
                                .withEndpointOverride(sqsEndpoint));
        return SqsNotificationSource.builder()
                .queueUrl(queueUrl)
                .bucketAllowlist(List.of(bucket))
                .waitTime(Duration.ofSeconds(1))
                .visibilityTimeout(visibilityTimeout)
                .stopAfterEmptyPolls(emptyPollsToStop)
                .sqsClientProvider(sqsWrapper.apply(sqs))
                .s3ClientProvider(s3)
                .build();
    }

    /**
     * Reads what arrived: alerts on the topic's subscribed queue (waiting for at least {@code
     * expectedAlerts}), the alert archive and aggregates below the output directory, and what is
     * left on the queues.
     */
    Outcome outcome(String fauxqsEndpoint, String deadLetterUrl, int expectedAlerts, Duration wait)
            throws Exception {
        List<JsonNode> envelopes;
        try (SubscribedQueue subscriber =
                new SubscribedQueue(fauxqsEndpoint, LocalAws.REGION, topic + "-subscriber")) {
            envelopes = subscriber.receive(expectedAlerts, wait);
        }
        List<String> published =
                envelopes.stream()
                        .map(envelope -> AlertJson.parse(envelope.path("Message").asText()))
                        .map(alert -> alert.alertId)
                        .toList();
        OutputDirectory output = new OutputDirectory(outputDir);
        List<String> archived =
                output.lines("alerts").stream().map(a -> a.get("alertId").asText()).toList();
        return new Outcome(
                published,
                archived,
                output.aggregateTotals("minute"),
                output.aggregateTotals("hour"),
                aws.messagesLeft(queueUrl),
                aws.messagesLeft(deadLetterUrl));
    }

    /** Every dimension's total equals the number of records read: no record lost or doubled. */
    static Map<String, Long> everyDimensionCounts(long records) {
        Map<String, Long> totals = new TreeMap<>();
        for (Dimension dimension : Dimension.values()) {
            totals.put(dimension.outputName(), records);
        }
        return totals;
    }

    /** The fauxqs init declaring one topic with one subscribed queue per name. */
    static String fauxqsInit(List<String> topics) {
        StringBuilder queues = new StringBuilder();
        StringBuilder topicList = new StringBuilder();
        StringBuilder subscriptions = new StringBuilder();
        for (String topic : topics) {
            String sep = queues.length() == 0 ? "" : ", ";
            queues.append(sep).append("{\"name\": \"").append(topic).append("-subscriber\"}");
            topicList.append(sep).append("{\"name\": \"").append(topic).append("\"}");
            subscriptions
                    .append(sep)
                    .append("{\"topic\": \"")
                    .append(topic)
                    .append("\", \"queue\": \"")
                    .append(topic)
                    .append("-subscriber\"}");
        }
        return "{\"queues\": ["
                + queues
                + "], \"topics\": ["
                + topicList
                + "], \"subscriptions\": ["
                + subscriptions
                + "]}";
    }
}
