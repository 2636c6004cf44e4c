package io.trailwatch.connector.sqs;

import static io.trailwatch.connector.sqs.TrailBucket.*;
import static io.trailwatch.ingest.AwsNotifications.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The source in a MiniCluster at parallelism 2 against ElasticMQ and S3Proxy: real log files, a
 * notification of every shape, and the delivery guarantees of DESIGN §4.
 */
class SqsNotificationSourceIntegrationTest {

    private static final int PARALLELISM = 2;
    private static final Duration DEADLINE = Duration.ofSeconds(40);
    private static final int MAX_RECEIVE_COUNT = 2;
    private static final int SOURCE_VISIBILITY_SECONDS = 3;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    private static LocalAws aws;

    @BeforeAll
    static void startEmulators() throws Exception {
        aws = new LocalAws();
    }

    @AfterAll
    static void stopEmulators() throws Exception {
        if (aws != null) {
            aws.close();
        }
    }

    @Test
    void everyRecordOfEveryShapeArrivesOnceAndEveryMessageIsDeleted() throws Exception {
        LocalAws.Queues queues = aws.createQueueWithDeadLetterQueue(MAX_RECEIVE_COUNT, 30);
        TrailBucket trail = new TrailBucket(aws.s3, "trail-" + shortId());
        String k1205 = trail.upload("", F1205);
        String k1210 = trail.upload("", F1210);
        String k1220 = trail.upload("org trail/blåbær+x/", F1220);
        String k1225 = trail.upload("", F1225);
        String k1230 = trail.upload("", F1230);
        String k1200 = trail.upload("", F1200);
        String digest =
                "AWSLogs/"
                        + ACCOUNT
                        + "/CloudTrail-Digest/us-east-1/2023/07/10/"
                        + ACCOUNT
                        + "_CloudTrail-Digest_us-east-1_trail_us-east-1_20230710T120000Z.json.gz";

        send(queues.url(), snsEnvelope(cloudTrail(trail.bucket, k1205, k1210)));
        send(queues.url(), s3Event(trail.bucket, urlEncoded(k1220)));
        send(queues.url(), cloudTrail(trail.bucket, k1225));
        send(queues.url(), snsEnvelope(s3Event(trail.bucket, urlEncoded(k1230))));
        send(queues.url(), eventBridgeObjectCreated(trail.bucket, k1200));
        send(queues.url(), SUBSCRIPTION_CONFIRMATION);
        send(queues.url(), S3_TEST_EVENT);
        send(queues.url(), cloudTrail(trail.bucket, digest));

        String run = shortId();
        List<String> expected = eventIds(ALL_FILES);
        try (RunningJob job = start(sourceFor(queues.url(), trail.bucket), run, null)) {
            job.awaitUntil(
                    () ->
                            CommittedEventIds.total(run) >= expected.size()
                                    && aws.messagesLeft(queues.url()) == 0);
        }

        assertEachExactlyOnce(run, expected);
        assertThat(aws.messagesLeft(queues.url())).isZero();
        assertThat(aws.messagesLeft(queues.deadLetterUrl())).isZero();
    }

    @Test
    void missingAndCorruptFilesEndInTheDeadLetterQueueWhileOtherFilesAreRead() throws Exception {
        LocalAws.Queues queues = aws.createQueueWithDeadLetterQueue(MAX_RECEIVE_COUNT, 30);
        TrailBucket trail = new TrailBucket(aws.s3, "trail-" + shortId());
        String good = trail.upload("", F1205);
        String missing = keyOf("", F1210);
        String corrupt = keyOf("", F1220);
        trail.putRaw(corrupt, "this is not gzip".getBytes(StandardCharsets.UTF_8));

        send(queues.url(), cloudTrail(trail.bucket, missing));
        send(queues.url(), cloudTrail(trail.bucket, good));
        send(queues.url(), s3Event(trail.bucket, urlEncoded(corrupt)));

        String run = shortId();
        List<String> expected = eventIds(List.of(F1205));
        try (RunningJob job = start(sourceFor(queues.url(), trail.bucket), run, null)) {
            job.awaitUntil(
                    () ->
                            CommittedEventIds.total(run) >= expected.size()
                                    && aws.messagesLeft(queues.deadLetterUrl()) == 2
                                    && aws.messagesLeft(queues.url()) == 0);
        }

        assertEachExactlyOnce(run, expected);
        List<String> deadLettered =
                aws
                        .sqs
                        .receiveMessage(
                                b -> b.queueUrl(queues.deadLetterUrl()).maxNumberOfMessages(10))
                        .messages()
                        .stream()
                        .map(m -> m.body())
                        .toList();
        assertThat(deadLettered)
                .containsExactlyInAnyOrder(
                        cloudTrail(trail.bucket, missing),
                        s3Event(trail.bucket, urlEncoded(corrupt)));
    }

    @Test
    void aFailureBetweenFetchAndCheckpointLosesNothingAndDoublesNothing() throws Exception {
        LocalAws.Queues queues = aws.createQueueWithDeadLetterQueue(5, 30);
        TrailBucket trail = new TrailBucket(aws.s3, "trail-" + shortId());
        List<String> firstFiles = List.of(F1205, F1210, F1220);
        List<String> laterFiles = List.of(F1225, F1200, F1230);
        int firstRecords = eventIds(firstFiles).size();
        String run = shortId();
        FailOnce.reset(firstRecords + 100); // inside the 394 records of F1200

        for (String file : firstFiles) {
            send(queues.url(), cloudTrail(trail.bucket, trail.upload("", file)));
        }
        try (RunningJob job = start(sourceFor(queues.url(), trail.bucket), run, new FailOnce())) {
            // A checkpoint has completed with state in it before the failure comes.
            job.awaitUntil(
                    () ->
                            CommittedEventIds.total(run) >= firstRecords
                                    && aws.messagesLeft(queues.url()) == 0);
            for (String file : laterFiles) {
                send(queues.url(), cloudTrail(trail.bucket, trail.upload("", file)));
            }
            job.awaitUntil(
                    () ->
                            CommittedEventIds.total(run) >= eventIds(ALL_FILES).size()
                                    && aws.messagesLeft(queues.url()) == 0);
        }

        assertThat(FailOnce.FAILED).as("the failure was injected").isTrue();
        assertEachExactlyOnce(run, eventIds(ALL_FILES));
        assertThat(aws.messagesLeft(queues.deadLetterUrl())).isZero();
    }

    @Test
    void aBoundedSourceFinishesOnAnEmptyQueueAndDeletesWhatItRead() throws Exception {
        LocalAws.Queues queues = aws.createQueueWithDeadLetterQueue(MAX_RECEIVE_COUNT, 30);
        TrailBucket trail = new TrailBucket(aws.s3, "trail-" + shortId());
        send(
                queues.url(),
                cloudTrail(trail.bucket, trail.upload("", F1205), trail.upload("", F1210)));
        SqsNotificationSource bounded =
                SqsNotificationSource.builder()
                        .queueUrl(queues.url())
                        .bucketAllowlist(List.of(trail.bucket))
                        .waitTime(Duration.ofSeconds(1))
                        .stopAfterEmptyPolls(2)
                        .sqsSettings(aws.sqsSettings())
                        .s3Settings(aws.s3Settings())
                        .build();

        String run = shortId();
        try (RunningJob job = start(bounded, run, null)) {
            job.client.getJobExecutionResult().get();
        }

        assertEachExactlyOnce(run, eventIds(List.of(F1205, F1210)));
        assertThat(aws.messagesLeft(queues.url())).as("deleted at the final checkpoint").isZero();
    }

    private static SqsNotificationSource sourceFor(String queueUrl, String bucket) {
        return SqsNotificationSource.builder()
                .queueUrl(queueUrl)
                .bucketAllowlist(List.of(bucket))
                .waitTime(Duration.ofSeconds(1))
                .visibilityTimeout(Duration.ofSeconds(SOURCE_VISIBILITY_SECONDS))
                .sqsSettings(aws.sqsSettings())
                .s3Settings(aws.s3Settings())
                .build();
    }

    private static void assertEachExactlyOnce(String run, List<String> expected) {
        Map<String, Long> counts = CommittedEventIds.counts(run);
        List<String> notOnce = new ArrayList<>();
        counts.forEach(
                (id, n) -> {
                    if (n != 1) {
                        notOnce.add(id + " x" + n);
                    }
                });
        assertThat(notOnce).as("records emitted more than once").isEmpty();
        assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static void send(String queueUrl, String body) {
        aws.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Starts the job: source → (optional failure injection) → committing test sink. */
    private static RunningJob start(
            SqsNotificationSource source,
            String run,
            MapFunction<CloudTrailRecord, CloudTrailRecord> between)
            throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        config.set(
                RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(500);
        DataStream<CloudTrailRecord> records =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "sqs-notifications")
                        .uid("sqs-notifications");
        if (between != null) {
            records = records.map(between).uid("failure-injection");
        }
        records.process(new CommittedEventIds(run))
                .uid("committed-event-ids")
                .sinkTo(new DiscardingSink<>());
        return new RunningJob(env.executeAsync("sqs-source-test"));
    }

    /** A running job, cancelled on close. */
    private static final class RunningJob implements AutoCloseable {
        private final JobClient client;

        RunningJob(JobClient client) {
            this.client = client;
        }

        void awaitUntil(BooleanSupplier condition) throws Exception {
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met within " + DEADLINE);
                }
                if (client.getJobStatus().get().isGloballyTerminalState()) {
                    throw new AssertionError("job ended early: " + client.getJobStatus().get());
                }
                Thread.sleep(200);
            }
        }

        @Override
        public void close() throws Exception {
            if (!client.getJobStatus().get().isGloballyTerminalState()) {
                client.cancel().get();
            }
        }
    }

    /**
     * Throws once, when the job as a whole has passed a given number of records: after the source
     * emitted them and before a checkpoint could cover them.
     */
    static final class FailOnce implements MapFunction<CloudTrailRecord, CloudTrailRecord> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        private static final AtomicInteger SEEN = new AtomicInteger();
        private static volatile int failAt;

        static void reset(int recordsBeforeFailure) {
            FAILED.set(false);
            SEEN.set(0);
            failAt = recordsBeforeFailure;
        }

        @Override
        public CloudTrailRecord map(CloudTrailRecord record) {
            if (SEEN.incrementAndGet() >= failAt && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure after " + failAt + " records");
            }
            return record;
        }
    }
}
