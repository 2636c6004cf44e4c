package io.trailwatch.bench;

import io.trailwatch.config.ConfigSources;
import io.trailwatch.config.JobConfig;
import io.trailwatch.config.RunArguments;
import io.trailwatch.config.TrailWatchOptions;
import io.trailwatch.job.ProductionJob;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.testing.FauxqsEmulator;
import io.trailwatch.testing.LocalAws;
import io.trailwatch.testing.S3EventNotification;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The {@code latency} section on 127.0.0.1: ElasticMQ (SQS), S3Proxy (S3) and fauxqs (SNS, with a
 * queue subscribed to the alert topic), the streaming {@code run} job with the whole pattern pack
 * on them, unbounded. Each measured notification names a freshly uploaded log file with one root
 * API call; its latency is from just before {@code SendMessage} to the receipt of the {@code
 * cis-root-account-usage} alert naming that event's id on the subscribed queue.
 */
public final class EmulatorLatencyProbe implements LatencyProbe {

    static final String LOG_BUCKET = "latency-cloudtrail-logs";
    static final String TOPIC = "trailwatch-alerts";
    static final String TOPIC_ARN = "arn:aws:sns:" + LocalAws.REGION + ":000000000000:" + TOPIC;
    static final String SUBSCRIBER = "latency-subscriber";
    static final int PARALLELISM = 2;

    /** How long the job may take to start and raise its first alert. */
    private static final Duration WARM_UP_TIMEOUT = Duration.ofSeconds(180);

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

    @Override
    public LatencySample measure(LatencySettings settings, PrintStream progress) throws Exception {
        Path workDir = Files.createTempDirectory("trailwatch-latency");
        progress.println("latency: starting ElasticMQ, S3Proxy and fauxqs on 127.0.0.1…");
        try (LocalAws aws = new LocalAws();
                FauxqsEmulator fauxqs = FauxqsEmulator.start(workDir, FAUXQS_INIT)) {
            LocalAws.Queues queues = aws.createQueueWithDeadLetterQueue(3, 30);
            aws.s3.createBucket(b -> b.bucket(LOG_BUCKET));
            JobConfig config = config(workDir, aws, fauxqs, queues.url(), settings);
            PatternSet patterns = config.patternLocation().load();
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            String sinkBuffer = attach(env, config, patterns);
            List<String> notes = new ArrayList<>();
            notes.add(
                    String.format(
                            Locale.ROOT,
                            "job: `run` on the emulators, %d patterns, parallelism %d, checkpoint"
                                    + " interval %d ms, source.sqs.wait-time %d s, SNS sink %s",
                            patterns.size(),
                            PARALLELISM,
                            settings.checkpointInterval().toMillis(),
                            settings.sqsWaitTime().toSeconds(),
                            sinkBuffer));
            progress.println("latency: starting the streaming job…");
            JobClient job = env.executeAsync("trailwatch latency");
            try (AlertArrivals arrivals =
                    new AlertArrivals(
                            fauxqs.endpoint(),
                            LocalAws.REGION,
                            SUBSCRIBER,
                            RootActivityLog.PATTERN_ID)) {
                Sender sender = new Sender(aws, queues.url());
                long warmUp = warmUp(sender, arrivals);
                notes.add(
                        String.format(
                                Locale.ROOT,
                                "warm-up: the first alert arrived %.1f s after the job was"
                                        + " submitted (not measured)",
                                warmUp / 1e9));
                progress.printf(
                        Locale.ROOT,
                        "latency: sending %d notifications at %.1f/s…%n",
                        settings.notifications(),
                        settings.ratePerSecond());
                double loadBefore = loadAverage();
                List<String> eventIds = new ArrayList<>();
                List<Long> sentAt = new ArrayList<>();
                long started = System.nanoTime();
                long period = (long) (1e9 / settings.ratePerSecond());
                for (int i = 0; i < settings.notifications(); i++) {
                    sleepUntil(started + i * period);
                    Sender.Sent sent = sender.send();
                    eventIds.add(sent.eventId());
                    sentAt.add(sent.sentNanos());
                }
                long deadline = System.nanoTime() + settings.alertTimeout().toNanos();
                while (System.nanoTime() < deadline && !allArrived(arrivals, eventIds)) {
                    Thread.sleep(50);
                }
                notes.add(
                        String.format(
                                Locale.ROOT,
                                "%d notifications at %.1f/s, each a new log file with one root API"
                                        + " call; load average %.2f before, %.2f after",
                                settings.notifications(),
                                settings.ratePerSecond(),
                                loadBefore,
                                loadAverage()));
                List<Long> latencies = new ArrayList<>();
                int missing = 0;
                for (int i = 0; i < eventIds.size(); i++) {
                    Long arrived = arrivals.arrivalNanos(eventIds.get(i));
                    if (arrived == null) {
                        missing++;
                    } else {
                        latencies.add(arrived - sentAt.get(i));
                    }
                }
                return new LatencySample(latencies, missing, notes);
            } finally {
                job.cancel().get(60, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * Adds the job as {@code run} does, from the same configuration; returns the SNS sink's buffer
     * time as the job uses it.
     */
    private static String attach(
            StreamExecutionEnvironment env, JobConfig config, PatternSet patterns) {
        ProductionJob.attach(env, config, patterns);
        Duration bufferTime = config.alertSink().maxTimeInBuffer();
        return TrailWatchOptions.ALERT_MAX_BUFFER_TIME.key()
                + " "
                + bufferTime.toMillis()
                + " ms"
                + (bufferTime.equals(TrailWatchOptions.ALERT_MAX_BUFFER_TIME.defaultValue())
                        ? " (the default)"
                        : "");
    }

    /** Sends a notification a second until the job raises its first alert. */
    private static long warmUp(Sender sender, AlertArrivals arrivals) throws Exception {
        long started = System.nanoTime();
        long deadline = started + WARM_UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Sender.Sent sent = sender.send();
            long waitUntil = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < waitUntil) {
                Long arrived = arrivals.arrivalNanos(sent.eventId());
                if (arrived != null) {
                    Thread.sleep(2_000); // let the warm-up's other alerts drain
                    return arrived - started;
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException(
                "the job raised no alert within " + WARM_UP_TIMEOUT.toSeconds() + " s of starting");
    }

    private static boolean allArrived(AlertArrivals arrivals, List<String> eventIds) {
        return eventIds.stream().allMatch(id -> arrivals.arrivalNanos(id) != null);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static JobConfig config(
            Path workDir,
            LocalAws aws,
            FauxqsEmulator fauxqs,
            String queueUrl,
            LatencySettings settings)
            throws Exception {
        Path file =
                Files.writeString(
                        workDir.resolve("trailwatch.yaml"),
                        String.join(
                                "\n",
                                "source.sqs.queue-url: " + queueUrl,
                                "source.sqs.bucket-allowlist: " + LOG_BUCKET,
                                "source.sqs.visibility-timeout: 30 s",
                                "source.sqs.wait-time: "
                                        + settings.sqsWaitTime().toSeconds()
                                        + " s",
                                "alerts.sns.topic-arn: " + TOPIC_ARN,
                                "patterns.location: classpath:patterns",
                                "checkpoint.interval: "
                                        + settings.checkpointInterval().toMillis()
                                        + " ms",
                                "parallelism: " + PARALLELISM,
                                "aws.region: " + LocalAws.REGION,
                                "aws.sqs.endpoint: " + aws.sqsEndpoint,
                                "aws.s3.endpoint: " + aws.s3Endpoint,
                                "aws.s3.path-style-access: true",
                                "aws.sns.endpoint: " + fauxqs.endpoint(),
                                sinkBufferLine(settings)));
        return ConfigSources.load(
                RunArguments.parse(new String[] {"--config", file.toString()}, new ArrayList<>()),
                Optional.empty());
    }

    /** The {@code alerts.sns.max-buffer-time} line, if the bench overrides the job's default. */
    private static String sinkBufferLine(LatencySettings settings) {
        return settings.sinkBufferMillis() > 0
                ? TrailWatchOptions.ALERT_MAX_BUFFER_TIME.key()
                        + ": "
                        + settings.sinkBufferMillis()
                        + " ms\n"
                : "";
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Uploads a fresh log file and sends its notification, noting when it was sent. */
    private static final class Sender {

        record Sent(String eventId, long sentNanos) {}

        private final LocalAws aws;
        private final String queueUrl;

        Sender(LocalAws aws, String queueUrl) {
            this.aws = aws;
            this.queueUrl = queueUrl;
        }

        Sent send() throws Exception {
            String eventId = UUID.randomUUID().toString();
            Instant now = Instant.now();
            String key = RootActivityLog.key(eventId.replace("-", "").substring(0, 16), now);
            byte[] log = RootActivityLog.gzip(eventId, now);
            String eTag =
                    aws.s3
                            .putObject(
                                    b -> b.bucket(LOG_BUCKET).key(key), RequestBody.fromBytes(log))
                            .eTag();
            String notification =
                    S3EventNotification.objectCreated(
                            LocalAws.REGION, LOG_BUCKET, key, log.length, eTag, now);
            long sentNanos = System.nanoTime();
            aws.sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(notification));
            return new Sent(eventId, sentNanos);
        }
    }
}
