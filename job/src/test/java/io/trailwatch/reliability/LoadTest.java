package io.trailwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.pipeline.RunCounters;
import io.trailwatch.testing.FauxqsEmulator;
import io.trailwatch.testing.LocalAws;
import io.trailwatch.testing.S3LogDelivery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A sustained stream of log-file notifications on the emulators, for minutes, with the whole job
 * running: the backlog on the queue stays bounded, deletion keeps pace with sending, and heap and
 * checkpointed state are sampled and reported. Only with {@code -Dtrailwatch.loadtest=true} (rate
 * and length: {@code -Dtrailwatch.loadtest.files-per-second}, {@code
 * -Dtrailwatch.loadtest.minutes}); its figures are in {@code docs/reliability.md}.
 *
 * <p>Each notification names a fresh object: one of the bundled sample files with its event times
 * moved forward (each pass over the samples is one hour later, so watermarks advance and windows
 * close as in production) and its event ids made unique.
 */
@EnabledIfSystemProperty(named = "trailwatch.loadtest", matches = "true")
class LoadTest {

    private static final int FILES_PER_SECOND =
            Integer.getInteger("trailwatch.loadtest.files-per-second", 10);
    private static final int MINUTES = Integer.getInteger("trailwatch.loadtest.minutes", 5);
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(10);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(90);
    private static final Instant SAMPLES_START = Instant.parse("2023-07-10T11:00:00Z");
    private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EVENT_ID = Pattern.compile("\"eventID\"\\s*:\\s*\"([^\"]+)\"");
    private static final String KEY_PREFIX =
            "AWSLogs/218007301253/CloudTrail/us-east-1/2023/07/10/"
                    + "218007301253_CloudTrail_us-east-1_20230710T1205Z_";

    private static final RunCounters COUNTERS = new RunCounters();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(COUNTERS.register(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(EmulatedRun.PARALLELISM)
                            .build());

    @TempDir Path workDir;

    /** One line of the report. */
    record Sample(
            long second,
            long sent,
            long deleted,
            int visible,
            int inFlight,
            long heapMiB,
            long checkpointId,
            long stateKiB,
            String largestState) {}

    @Test
    void aSustainedStreamIsReadWithABoundedBacklogAndDeletionKeepingPace(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        List<String> samples = sampleTexts();
        try (LocalAws aws = new LocalAws();
                FauxqsEmulator fauxqs =
                        FauxqsEmulator.start(workDir, EmulatedRun.fauxqsInit(List.of("load")))) {
            LocalAws.Queues queues =
                    aws.createQueueWithDeadLetterQueue(EmulatedRun.MAX_RECEIVE_COUNT, 60);
            S3LogDelivery delivery = new S3LogDelivery(aws, "load-logs");
            EmulatedRun job =
                    new EmulatedRun(
                                    aws,
                                    fauxqs.endpoint(),
                                    EmulatedRun.patterns(),
                                    queues.url(),
                                    delivery.bucket(),
                                    "load",
                                    workDir.resolve("output"))
                            .unbounded(Duration.ofSeconds(10), Duration.ofSeconds(60));
            JobClient client = job.start();
            List<Sample> report = new ArrayList<>();
            long start = System.nanoTime();
            long nanosPerFile = 1_000_000_000L / FILES_PER_SECOND;
            long end = start + Duration.ofMinutes(MINUTES).toNanos();
            long nextSample = start;
            long sent = 0;
            try {
                while (System.nanoTime() < end) {
                    long due = start + sent * nanosPerFile;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    int index = (int) (sent % samples.size());
                    long pass = sent / samples.size();
                    String key =
                            KEY_PREFIX + UUID.randomUUID().toString().substring(0, 16) + ".json.gz";
                    String body =
                            uploadShifted(aws, delivery.bucket(), key, samples.get(index), pass);
                    aws.sqs.sendMessage(b -> b.queueUrl(queues.url()).messageBody(body));
                    sent++;
                    if (System.nanoTime() >= nextSample) {
                        report.add(sample(start, sent, aws, queues.url(), cluster, client));
                        nextSample += SAMPLE_EVERY.toNanos();
                    }
                }
                long drainDeadline = System.nanoTime() + DRAIN_WAIT.toNanos();
                while (COUNTERS.sum("messagesDeleted") < sent
                        && System.nanoTime() < drainDeadline) {
                    Thread.sleep(1000);
                }
                report.add(sample(start, sent, aws, queues.url(), cluster, client));
            } finally {
                client.cancel().get();
            }
            String text = format(report, sent);
            System.out.println(text);
            Files.writeString(Path.of("target", "loadtest-report.txt"), text);

            assertThat(COUNTERS.sum("messagesDeleted"))
                    .as("every notification deleted within %s after the last was sent", DRAIN_WAIT)
                    .isGreaterThanOrEqualTo(sent);
            int maxBacklog =
                    report.subList(report.size() / 2, report.size()).stream()
                            .mapToInt(Sample::visible)
                            .max()
                            .orElse(0);
            assertThat(maxBacklog)
                    .as("visible backlog in the second half: under 30 s of input")
                    .isLessThan(FILES_PER_SECOND * 30);
            assertThat(aws.messagesLeft(queues.deadLetterUrl())).as("dead-lettered").isZero();
        }
    }

    private static Sample sample(
            long start,
            long sent,
            LocalAws aws,
            String queueUrl,
            MiniCluster cluster,
            JobClient job)
            throws Exception {
        Map<QueueAttributeName, String> attributes =
                aws.sqs
                        .getQueueAttributes(
                                b ->
                                        b.queueUrl(queueUrl)
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
                        .attributes();
        AccessExecutionGraph graph = cluster.getExecutionGraph(job.getJobID()).get();
        CompletedCheckpointStats checkpoint =
                graph.getCheckpointStatsSnapshot().getHistory().getLatestCompletedCheckpoint();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new Sample(
                Duration.ofNanos(System.nanoTime() - start).toSeconds(),
                sent,
                COUNTERS.sum("messagesDeleted"),
                Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)),
                Integer.parseInt(
                        attributes.get(
                                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)),
                heap.getUsed() / (1024 * 1024),
                checkpoint == null ? 0 : checkpoint.getCheckpointId(),
                checkpoint == null ? 0 : checkpoint.getStateSize() / 1024,
                checkpoint == null ? "" : largestState(graph, checkpoint));
    }

    /** The operator chain holding the most state, and how much. */
    private static String largestState(
            AccessExecutionGraph graph, CompletedCheckpointStats checkpoint) {
        return checkpoint.getAllTaskStateStats().stream()
                .max(Comparator.comparingLong(TaskStateStats::getStateSize))
                .map(
                        task -> {
                            String name = graph.getJobVertex(task.getJobVertexId()).getName();
                            return name.substring(0, Math.min(40, name.length()))
                                    + ": "
                                    + task.getStateSize() / 1024
                                    + " KiB";
                        })
                .orElse("");
    }

    /** Uploads a sample moved {@code pass} hours forward, with unique event ids. */
    private static String uploadShifted(
            LocalAws aws, String bucket, String key, String sample, long pass) throws IOException {
        Duration shift =
                Duration.between(SAMPLES_START, Instant.now().minus(Duration.ofDays(30)))
                        .plusHours(pass);
        String shifted =
                replaceAll(
                        EVENT_TIME,
                        sample,
                        time -> "\"eventTime\":\"" + Instant.parse(time).plus(shift) + "\"");
        String unique =
                replaceAll(EVENT_ID, shifted, id -> "\"eventID\":\"" + id + "-" + pass + "\"");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(unique.getBytes(StandardCharsets.UTF_8));
        }
        return delivery(aws, bucket, key, gz.toByteArray());
    }

    private static String delivery(LocalAws aws, String bucket, String key, byte[] content) {
        String eTag =
                aws.s3
                        .putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(content))
                        .eTag();
        return io.trailwatch.testing.S3EventNotification.objectCreated(
                LocalAws.REGION, bucket, key, content.length, eTag, Instant.now());
    }

    private static String replaceAll(
            Pattern pattern, String text, java.util.function.Function<String, String> by) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(by.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The samples decompressed once, in a random but fixed order. */
    private static List<String> sampleTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path file : S3LogDelivery.logFilesBelow(EmulatedRun.SAMPLES.resolve("AWSLogs"))) {
            try (var in = new GZIPInputStream(Files.newInputStream(file))) {
                texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        Collections.shuffle(texts, new Random(42));
        return texts;
    }

    private static String format(List<Sample> report, long sent) {
        StringBuilder text =
                new StringBuilder(
                        String.format(
                                "load test: %d files/s for %d min, %d notifications sent%n"
                                        + "%8s %8s %8s %8s %9s %8s %10s %10s  %s%n",
                                FILES_PER_SECOND,
                                MINUTES,
                                sent,
                                "second",
                                "sent",
                                "deleted",
                                "visible",
                                "in flight",
                                "heap MiB",
                                "checkpoint",
                                "state KiB",
                                "largest state"));
        for (Sample s : report) {
            text.append(
                    String.format(
                            "%8d %8d %8d %8d %9d %8d %10d %10d  %s%n",
                            s.second(),
                            s.sent(),
                            s.deleted(),
                            s.visible(),
                            s.inFlight(),
                            s.heapMiB(),
                            s.checkpointId(),
                            s.stateKiB(),
                            s.largestState()));
        }
        return text.toString();
    }
}
