package io.trailwatch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.aggregate.Dimension;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.config.ConfigSources;
import io.trailwatch.config.JobConfig;
import io.trailwatch.config.RunArguments;
import io.trailwatch.job.ProductionJob;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.LocalDetection;
import io.trailwatch.pipeline.RepositoryFiles;
import io.trailwatch.testing.FauxqsEmulator;
import io.trailwatch.testing.LocalAws;
import io.trailwatch.testing.OutputDirectory;
import io.trailwatch.testing.S3LogDelivery;
import io.trailwatch.testing.SubscribedQueue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole streaming path of {@code run} on real emulators on 127.0.0.1 (DESIGN §2): the bundled
 * sample logs in their S3 layout on S3Proxy, one S3 event notification per file on an ElasticMQ
 * queue with a dead-letter queue, the job built from a config file exactly as {@code run} builds it
 * (bounded, so that it ends), alerts published to a fauxqs SNS topic and read from the queue
 * subscribed to it, and aggregates, alert archive and late records written below {@code
 * output.path} (a local directory here; {@code S3OutputFilesIntegrationTest} covers the same
 * outputs on S3).
 */
class EndToEndTest {

    private static final int PARALLELISM = 2;
    private static final String LOG_BUCKET = "org-cloudtrail-logs";
    private static final String TOPIC = "trailwatch-alerts";
    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:" + TOPIC;
    private static final String SUBSCRIBER = "security-team";
    private static final String FAUXQS_INIT =
            "{\"queues\": [{\"name\": \""
                    + SUBSCRIBER
                    + "\"}], \"topics\": [{\"name\": \""
                    + TOPIC
                    + "\"}], \"subscriptions\": [{\"topic\": \""
                    + TOPIC
                    + "\", \"queue\": \""
                    + SUBSCRIBER
                    + "\"}]}";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(20);
    private static final String OUTPUT = "output";
    private static final Path SAMPLES = RepositoryFiles.root().resolve("samples");

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    @TempDir static Path workDir;

    private static LocalAws aws;
    private static FauxqsEmulator fauxqs;

    @BeforeAll
    static void startEmulators() throws Exception {
        aws = new LocalAws(); // also sets the dummy credentials the job's default chain finds
        fauxqs = FauxqsEmulator.start(workDir, FAUXQS_INIT);
    }

    @AfterAll
    static void stopEmulators() throws Exception {
        if (fauxqs != null) {
            fauxqs.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    @Timeout(180) // fails rather than hangs CI if the pipeline stalls
    void sampleLogsDeliveredThroughSqsRaiseTheAlertsOfDetectOnSnsAndAggregatesSumToTheInput()
            throws Exception {
        LocalAws.Queues queues = aws.createQueueWithDeadLetterQueue(3, 30);
        new S3LogDelivery(aws, LOG_BUCKET)
                .deliver(
                        SAMPLES,
                        S3LogDelivery.logFilesBelow(SAMPLES.resolve("AWSLogs")),
                        queues.url());
        JobConfig config = configFor(queues.url());
        PatternSet patterns = config.patternLocation().load();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        ProductionJob.attach(env, config, patterns);
        env.execute("trailwatch end-to-end");

        LocalDetection.Result detected =
                new LocalDetection(patterns, config.pipelineSettings(), PARALLELISM)
                        .run(List.of(SAMPLES));
        assertThat(detected.alerts()).as("detect raises alerts on the samples").isNotEmpty();
        List<JsonNode> envelopes;
        try (SubscribedQueue subscriber =
                new SubscribedQueue(fauxqs.endpoint(), LocalAws.REGION, SUBSCRIBER)) {
            envelopes = subscriber.receive(detected.alerts().size(), DELIVERY_TIMEOUT);
        }

        List<String> arrivedIds = new ArrayList<>();
        for (JsonNode envelope : envelopes) {
            assertThat(envelope.path("TopicArn").asText()).isEqualTo(TOPIC_ARN);
            Alert alert = AlertJson.parse(envelope.path("Message").asText());
            JsonNode attributes = envelope.path("MessageAttributes");
            assertThat(attributes.path("severity").path("Value").asText())
                    .isEqualTo(alert.severity);
            assertThat(attributes.path("patternId").path("Value").asText())
                    .isEqualTo(alert.patternId);
            arrivedIds.add(alert.alertId);
        }
        assertThat(arrivedIds)
                .as(
                        "alert ids through SNS vs. detect on the same files; fauxqs log:%n%s",
                        fauxqs.logText())
                .containsExactlyInAnyOrderElementsOf(
                        detected.alerts().stream().map(alert -> alert.alertId).toList());
        assertThat(aws.messagesLeft(queues.url())).as("messages left in the input queue").isZero();
        assertThat(aws.messagesLeft(queues.deadLetterUrl()))
                .as("messages in the dead-letter queue")
                .isZero();

        OutputDirectory output = new OutputDirectory(workDir.resolve(OUTPUT));
        Map<String, Long> everyDimensionCountsEveryRecord = new TreeMap<>();
        for (Dimension dimension : Dimension.values()) {
            everyDimensionCountsEveryRecord.put(dimension.outputName(), detected.records());
        }
        assertThat(output.aggregateTotals("minute")).isEqualTo(everyDimensionCountsEveryRecord);
        assertThat(output.aggregateTotals("hour")).isEqualTo(everyDimensionCountsEveryRecord);
        assertThat(output.lines("alerts"))
                .extracting(alert -> alert.get("alertId").asText())
                .as("the alert archive")
                .containsExactlyInAnyOrderElementsOf(arrivedIds);
        assertThat(output.lines("late")).as("late records").isEmpty();
    }

    /**
     * The job's configuration, written as a user writes it. The watermark bound spans the whole
     * sample hour: two readers take the files in no particular order, and the alerts are to equal
     * those of {@code detect}, for which nothing is late.
     */
    private static JobConfig configFor(String queueUrl) throws Exception {
        Path file =
                Files.writeString(
                        workDir.resolve("trailwatch.yaml"),
                        String.join(
                                "\n",
                                "source.sqs:",
                                "  queue-url: " + queueUrl,
                                "  bucket-allowlist: [" + LOG_BUCKET + "]",
                                "  wait-time: 1 s",
                                "  bounded.stop-after-empty-polls: 2",
                                "aws.region: " + LocalAws.REGION,
                                "aws.sqs.endpoint: " + aws.sqsEndpoint,
                                "aws.s3.endpoint: " + aws.s3Endpoint,
                                "aws.s3.path-style-access: true",
                                "aws.sns.endpoint: " + fauxqs.endpoint(),
                                "alerts.sns.topic-arn: " + TOPIC_ARN,
                                "output.path: " + workDir.resolve(OUTPUT).toUri(),
                                "watermark.max-out-of-orderness: 1 d",
                                "checkpoint.interval: 500 ms",
                                "parallelism: " + PARALLELISM,
                                ""));
        return ConfigSources.load(
                RunArguments.parse(new String[] {"--config", file.toString()}, new ArrayList<>()),
                Optional.empty());
    }
}
