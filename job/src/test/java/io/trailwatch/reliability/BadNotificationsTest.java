package io.trailwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.connector.sqs.SqsNotificationSource;
import io.trailwatch.ingest.Notification;
import io.trailwatch.ingest.Notification.Disposition;
import io.trailwatch.ingest.NotificationParser;
import io.trailwatch.pipeline.RepositoryFiles;
import io.trailwatch.pipeline.RunCounters;
import io.trailwatch.testing.LocalAws;
import io.trailwatch.testing.S3LogDelivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The notifications of {@code bad/notifications/} (and a huge one built here): the parser gives
 * each a clear disposition and reason, and the real source, reading all of them from one queue
 * together with a good notification, deletes what it may acknowledge, leaves the rest to the
 * dead-letter queue (counted in its metrics), and reads the good files once each.
 */
class BadNotificationsTest {

    private static final Path BAD = Path.of("src/test/resources/bad/notifications");
    private static final Path SAMPLES = RepositoryFiles.root().resolve("samples");
    private static final String DAY = "AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/";
    private static final Path GOOD_FILE =
            SAMPLES.resolve(
                    DAY
                            + "218007301253_CloudTrail_us-east-1_20230710T1205Z_SjF3IkuNXJkoHyar.json.gz");
    private static final Path UNICODE_KEY_FILE =
            SAMPLES.resolve(
                    DAY
                            + "218007301253_CloudTrail_us-east-1_20230710T1210Z_2ru8PrDKZmsO3yWC.json.gz");

    /** The bucket the committed notifications name and the source allows. */
    private static final String BUCKET = "trailwatch-bad-input-logs";

    /**
     * The object key the URL-encoded key of {@code key-with-spaces-and-unicode.json} decodes to.
     */
    private static final String UNICODE_KEY =
            "org trail/blåbær & co/" + SAMPLES.relativize(UNICODE_KEY_FILE);

    /** Just under SQS's 256 KiB limit on a message. */
    private static final int HUGE_BODY_CHARS = 250_000;

    private static final RunCounters COUNTERS = new RunCounters();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(COUNTERS.register(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(EmulatedRun.PARALLELISM)
                            .build());

    private static LocalAws aws;

    /** One bad notification: what the source should do with it and why. */
    record BadNotification(String name, String body, Disposition disposition, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadNotification> badNotifications() {
        return Stream.of(
                new BadNotification(
                        "empty", committed("empty.txt"), Disposition.UNPARSEABLE, "empty"),
                new BadNotification(
                        "not JSON", committed("not-json.txt"), Disposition.UNPARSEABLE, "not JSON"),
                new BadNotification(
                        "wrong shape",
                        committed("wrong-shape.json"),
                        Disposition.UNPARSEABLE,
                        "no known notification shape"),
                new BadNotification(
                        "huge",
                        "{\"padding\": \"" + "x".repeat(HUGE_BODY_CHARS) + "\"}",
                        Disposition.UNPARSEABLE,
                        "no known notification shape"),
                new BadNotification(
                        "SNS subscription confirmation",
                        committed("sns-subscription-confirmation.json"),
                        Disposition.ACKNOWLEDGE,
                        "SubscriptionConfirmation"),
                new BadNotification(
                        "S3 test event",
                        committed("s3-test-event.json"),
                        Disposition.ACKNOWLEDGE,
                        "test event"),
                new BadNotification(
                        "key with spaces and unicode, URL-encoded",
                        committed("key-with-spaces-and-unicode.json"),
                        Disposition.READ_OBJECTS,
                        "S3 event"),
                new BadNotification(
                        "bucket not on the allowlist",
                        committed("bucket-not-allowlisted.json"),
                        Disposition.READ_OBJECTS,
                        "S3 event"));
    }

    @BeforeAll
    static void startEmulators() throws Exception {
        aws = new LocalAws();
    }

    @AfterAll
    static void stopEmulators() throws Exception {
        COUNTERS.close();
        if (aws != null) {
            aws.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNotifications")
    void eachIsClassifiedWithAClearReasonAndAGoodOneNextToItStillParses(BadNotification bad) {
        NotificationParser parser = new NotificationParser();

        Notification parsed = parser.parse(bad.body());
        Notification good = parser.parse(goodNotification());

        assertThat(parsed.disposition()).isEqualTo(bad.disposition());
        assertThat(parsed.shape()).containsIgnoringCase(bad.reason());
        assertThat(good.disposition()).isEqualTo(Disposition.READ_OBJECTS);
        assertThat(good.objects()).hasSize(1);
    }

    @Test
    void unicodeKeysAreDecodedToTheStoredKey() {
        Notification parsed =
                new NotificationParser().parse(committed("key-with-spaces-and-unicode.json"));

        assertThat(parsed.objects()).extracting(o -> o.key()).containsExactly(UNICODE_KEY);
    }

    @Test
    @Timeout(120)
    void theSourceDeadLettersTheBadOnesCountsThemAndReadsTheGoodFilesOnce() throws Exception {
        LocalAws.Queues queues =
                aws.createQueueWithDeadLetterQueue(
                        1, (int) EmulatedRun.VISIBILITY_TIMEOUT.getSeconds());
        S3LogDelivery delivery = new S3LogDelivery(aws, BUCKET);
        delivery.upload(UNICODE_KEY, UNICODE_KEY_FILE);
        List<BadNotification> items = badNotifications().toList();
        for (BadNotification bad : items) {
            aws.sqs.sendMessage(b -> b.queueUrl(queues.url()).messageBody(bad.body()));
        }
        delivery.deliver(SAMPLES, List.of(GOOD_FILE), queues.url());
        long unparseableBefore = COUNTERS.sum("notificationsUnparseable");
        long notAllowedBefore = COUNTERS.sum("notificationsNotAllowlisted");

        List<String> eventIds = runSource(queues.url());

        List<String> expectedIds = new ArrayList<>(eventIdsOf(GOOD_FILE));
        expectedIds.addAll(eventIdsOf(UNICODE_KEY_FILE));
        assertThat(eventIds)
                .as("records of the good file and of the unicode key, once each")
                .containsExactlyInAnyOrderElementsOf(expectedIds);
        assertThat(aws.messagesLeft(queues.url())).as("left on the queue").isZero();
        List<String> leftForRedrive =
                items.stream()
                        .filter(
                                bad ->
                                        bad.disposition() == Disposition.UNPARSEABLE
                                                || bad.name().contains("allowlist"))
                        .map(BadNotification::body)
                        .toList();
        assertThat(drain(queues.deadLetterUrl()))
                .as("bodies on the dead-letter queue")
                .containsExactlyInAnyOrderElementsOf(leftForRedrive);
        assertThat(COUNTERS.sum("notificationsUnparseable") - unparseableBefore)
                .as("notificationsUnparseable metric")
                .isEqualTo(4);
        assertThat(COUNTERS.sum("notificationsNotAllowlisted") - notAllowedBefore)
                .as("notificationsNotAllowlisted metric")
                .isEqualTo(1);
    }

    private static List<String> runSource(String queueUrl) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(EmulatedRun.PARALLELISM);
        env.enableCheckpointing(500);
        SqsNotificationSource source =
                SqsNotificationSource.builder()
                        .queueUrl(queueUrl)
                        .bucketAllowlist(List.of(BUCKET))
                        .waitTime(Duration.ofSeconds(1))
                        .visibilityTimeout(EmulatedRun.VISIBILITY_TIMEOUT)
                        .stopAfterEmptyPolls(6)
                        .sqsSettings(aws.sqsSettings())
                        .s3Settings(aws.s3Settings())
                        .build();
        List<String> eventIds = new ArrayList<>();
        try (CloseableIterator<String> records =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "bad notifications")
                        .map(CloudTrailRecord::eventId)
                        .executeAndCollect("bad notifications")) {
            records.forEachRemaining(eventIds::add);
        }
        return eventIds;
    }

    private static List<String> drain(String queueUrl) {
        List<String> bodies = new ArrayList<>();
        List<Message> batch;
        do {
            batch =
                    aws.sqs
                            .receiveMessage(
                                    b ->
                                            b.queueUrl(queueUrl)
                                                    .maxNumberOfMessages(10)
                                                    .waitTimeSeconds(1))
                            .messages();
            batch.forEach(message -> bodies.add(message.body()));
        } while (!batch.isEmpty());
        return bodies;
    }

    private static String goodNotification() {
        return "{\"s3Bucket\": \""
                + BUCKET
                + "\", \"s3ObjectKey\": [\""
                + DAY
                + GOOD_FILE.getFileName()
                + "\"]}";
    }

    private static List<String> eventIdsOf(Path file) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(file))) {
            List<String> ids = new ArrayList<>();
            new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(in)
                    .path("Records")
                    .forEach(record -> ids.add(record.path("eventID").asText()));
            return ids;
        }
    }

    private static String committed(String file) {
        try {
            return Files.readString(BAD.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
