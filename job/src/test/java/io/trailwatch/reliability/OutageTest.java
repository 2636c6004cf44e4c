package io.trailwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.connector.sns.AwsSnsClientProvider;
import io.trailwatch.connector.sns.SnsAlertSinkBuilder;
import io.trailwatch.connector.sns.SnsRetryBackoff;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.LocalDetection;
import io.trailwatch.pipeline.RunCounters;
import io.trailwatch.testing.CapturedLogs;
import io.trailwatch.testing.FaultyTcpProxy;
import io.trailwatch.testing.FauxqsEmulator;
import io.trailwatch.testing.LocalAws;
import io.trailwatch.testing.S3LogDelivery;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * S3, SQS or SNS unavailable for a while: the job reaches each service through a {@link
 * FaultyTcpProxy}, one of which cuts and drops every connection from the job's start for {@link
 * #OUTAGE}. The job reports the outage in its log (and, where files fail, in its metrics), does not
 * busy-loop against the dead service (the connections it tries stay few), and once the service is
 * back delivers exactly what {@code detect} finds, with every notification deleted.
 */
class OutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(12);
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(20);

    private static final RunCounters COUNTERS = new RunCounters();

    /** The service that goes away, and what the job logs while it is away. */
    enum Service {
        S3("could not be read"),
        SQS("failed; polling again"),
        SNS("failed; retrying");

        final String logged;

        Service(String logged) {
            this.logged = logged;
        }

        String topic() {
            return "outage-" + name().toLowerCase(Locale.ROOT);
        }
    }

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(COUNTERS.register(new Configuration()))
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(EmulatedRun.PARALLELISM)
                            .build());

    @TempDir static Path workDir;

    private static LocalAws aws;
    private static FauxqsEmulator fauxqs;
    private static PatternSet patterns;
    private static LocalDetection.Result expected;

    @BeforeAll
    static void startEmulatorsAndDetectLocally() throws Exception {
        aws = new LocalAws();
        fauxqs =
                FauxqsEmulator.start(
                        workDir,
                        EmulatedRun.fauxqsInit(
                                Arrays.stream(Service.values()).map(Service::topic).toList()));
        patterns = EmulatedRun.patterns();
        expected = EmulatedRun.expectedOnSamples();
    }

    @AfterAll
    static void stopEmulators() throws Exception {
        COUNTERS.close();
        if (fauxqs != null) {
            fauxqs.close();
        }
        if (aws != null) {
            aws.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    @Timeout(240)
    void afterAnOutageNothingIsLostAndTheJobDidNotBusyLoop(Service service) throws Exception {
        LocalAws.Queues queues =
                aws.createQueueWithDeadLetterQueue(
                        EmulatedRun.MAX_RECEIVE_COUNT,
                        (int) EmulatedRun.VISIBILITY_TIMEOUT.getSeconds());
        S3LogDelivery delivery = new S3LogDelivery(aws, "logs-" + service.topic());
        delivery.deliver(
                EmulatedRun.SAMPLES,
                S3LogDelivery.logFilesBelow(EmulatedRun.SAMPLES.resolve("AWSLogs")),
                queues.url());
        long filesFailedBefore = COUNTERS.sum("filesFailed");

        int refused;
        try (FaultyTcpProxy sqs = new FaultyTcpProxy(portOf(aws.sqsEndpoint));
                FaultyTcpProxy s3 = new FaultyTcpProxy(portOf(aws.s3Endpoint));
                FaultyTcpProxy sns = new FaultyTcpProxy(portOf(fauxqs.endpoint()));
                CapturedLogs logs = new CapturedLogs()) {
            FaultyTcpProxy unavailable =
                    switch (service) {
                        case S3 -> s3;
                        case SQS -> sqs;
                        case SNS -> sns;
                    };
            EmulatedRun job =
                    new EmulatedRun(
                                    aws,
                                    fauxqs.endpoint(),
                                    patterns,
                                    queues.url(),
                                    delivery.bucket(),
                                    service.topic(),
                                    workDir.resolve(service.topic()))
                            .endpoints(sqs.endpoint(), s3.endpoint(), sns.endpoint());

            unavailable.down();
            JobClient client = job.start();
            Thread.sleep(OUTAGE.toMillis());
            refused = unavailable.refusedConnections();
            unavailable.up();
            client.getJobExecutionResult().get(180, TimeUnit.SECONDS);

            assertThat(logs.containing(service.logged))
                    .as("the outage of %s is reported in the log", service)
                    .isNotEmpty();
            System.out.printf(
                    "outage of %s for %s: %d connections tried, %d warnings logged%n",
                    service, OUTAGE, refused, logs.containing(service.logged).size());
            assertThat(refused)
                    .as("connections tried during the outage: backing off, not a busy loop")
                    .isPositive()
                    .isLessThanOrEqualTo(maxConnectionsDuringOutage(service));

            EmulatedRun.Outcome outcome =
                    job.outcome(
                            fauxqs.endpoint(),
                            queues.deadLetterUrl(),
                            expected.alerts().size(),
                            DELIVERY_WAIT);
            List<String> expectedIds =
                    expected.alerts().stream().map(alert -> alert.alertId).toList();
            assertThat(outcome.publishedAlertIds().stream().distinct().toList())
                    .as("alert ids on SNS")
                    .containsExactlyInAnyOrderElementsOf(expectedIds);
            assertThat(outcome.archivedAlertIds())
                    .as("the alert archive")
                    .containsExactlyInAnyOrderElementsOf(expectedIds);
            assertThat(outcome.minuteTotals())
                    .as("minute aggregates count every record once")
                    .isEqualTo(EmulatedRun.everyDimensionCounts(expected.records()));
            assertThat(outcome.messagesLeft()).as("notifications left on the queue").isZero();
            assertThat(outcome.deadLettered()).as("notifications dead-lettered").isZero();
        }
        if (service == Service.S3) {
            assertThat(COUNTERS.sum("filesFailed") - filesFailedBefore)
                    .as("files that failed during the outage are counted (then redelivered)")
                    .isPositive();
        }
    }

    /**
     * Well above what backing off costs over the outage (SDK retries, the reader's pause between
     * polls, exponential backoff on file reads and on SNS publishing), far below a client retrying
     * in a loop, which makes thousands of connections a second to a local port.
     */
    private static int maxConnectionsDuringOutage(Service service) {
        return switch (service) {
            case S3 -> 50 * (int) OUTAGE.toSeconds(); // up to 8 files at once, each with backoff
            case SQS -> 20 * (int) OUTAGE.toSeconds(); // two readers pausing 1 s between polls
            case SNS -> maxSnsConnectionsDuringOutage();
        };
    }

    /**
     * What the SNS sink's backoff guarantees: each of the {@value EmulatedRun#PARALLELISM} writers
     * has at most 4 requests in flight; a request slot sends at most {@link
     * SnsRetryBackoff#maxAttemptsWithin} times in the outage, since after its n-th failure in a row
     * a writer waits at least half of min(100 ms * 2^(n-1), 5 s) (10 sends in 12 s); and each send
     * is at most 3 SDK attempts, one connection each. 2 * 4 * 10 * 3 = 240 connections in 12 s, 20
     * a second, where the sink without backoff was seen to make 20-55 a second.
     */
    private static int maxSnsConnectionsDuringOutage() {
        return EmulatedRun.PARALLELISM
                * SnsAlertSinkBuilder.DEFAULT_MAX_IN_FLIGHT_REQUESTS
                * SnsRetryBackoff.DEFAULT.maxAttemptsWithin(OUTAGE)
                * AwsSnsClientProvider.SDK_MAX_ATTEMPTS;
    }

    private static int portOf(String endpoint) {
        return URI.create(endpoint).getPort();
    }
}
