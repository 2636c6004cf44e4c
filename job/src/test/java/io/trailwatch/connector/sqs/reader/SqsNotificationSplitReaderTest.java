package io.trailwatch.connector.sqs.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.connector.sqs.config.SqsSourceConfig;
import io.trailwatch.connector.sqs.config.SqsSourceOptions;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.FileLimits;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.ProcessedFiles;
import io.trailwatch.ingest.RetryPolicy;
import io.trailwatch.testing.CapturedLogs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fetch side of a reader that waits for the files every reader restored. */
@Timeout(60)
class SqsNotificationSplitReaderTest {

    private static final String QUEUE =
            "https://sqs.us-east-1.amazonaws.com/123456789012/waiting-for-shared-files";

    private final FakeSqsQueue sqs = new FakeSqsQueue();
    private final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    /**
     * An unbounded reader waits for the shared files as long as it takes, and says so every 30 s
     * (counted from the last warning), with how long it has waited. Each fetch holds the fetch
     * thread for up to 1 s of real time on the closed gate; the clock the warnings count on is a
     * manual one.
     */
    @Test
    void whileItWaitsForTheSharedFilesItWarnsEveryThirtySeconds() throws Exception {
        SqsNotificationSplitReader reader = waitingReader();
        try (CapturedLogs logs = new CapturedLogs()) {
            reader.fetch(); // starts waiting
            now.addAndGet(29_999);
            reader.fetch();
            assertThat(waitWarnings(logs)).as("warnings before 30 s").isEmpty();

            now.addAndGet(1);
            reader.fetch();
            assertThat(waitWarnings(logs)).hasSize(1);
            assertThat(waitWarnings(logs).get(0)).contains("has waited 30 s");

            now.addAndGet(29_999);
            reader.fetch();
            assertThat(waitWarnings(logs)).as("warnings before another 30 s").hasSize(1);

            now.addAndGet(1);
            reader.fetch();
            assertThat(waitWarnings(logs)).hasSize(2);
            assertThat(waitWarnings(logs).get(1)).contains("has waited 60 s");
        } finally {
            reader.close();
        }
        assertThat(sqs.receives()).as("receives while waiting").isZero();
    }

    /** A reader with its split whose shared files have not arrived. */
    private SqsNotificationSplitReader waitingReader() {
        Configuration options = new Configuration();
        options.set(SqsSourceOptions.QUEUE_URL, QUEUE);
        options.set(SqsSourceOptions.BUCKET_ALLOWLIST, List.of("trail"));
        LogFileFetch fetch =
                new LogFileFetch(
                        (object, eTag) -> {
                            throw new AssertionError("read " + object + " while waiting");
                        },
                        new FileLimits(1 << 20, 1 << 22, 32),
                        new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)),
                        new ProcessedFiles(60_000, 100),
                        now::get);
        SqsNotificationSplitReader reader =
                new SqsNotificationSplitReader(
                        SqsSourceConfig.from(options),
                        sqs,
                        fetch,
                        new InFlightMessages(),
                        new SqsSourceMetrics(new UnregisteredMetricsGroup()),
                        new SharedFilesGate(),
                        now::get);
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(SqsSplit.forSubtask(0, QUEUE))));
        return reader;
    }

    private static List<String> waitWarnings(CapturedLogs logs) {
        return logs.containing("Reader of " + QUEUE + " has waited");
    }
}
