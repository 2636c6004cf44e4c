package io.trailwatch.connector.sqs.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.connector.sqs.config.SqsSourceConfig;
import io.trailwatch.connector.sqs.config.SqsSourceOptions;
import io.trailwatch.connector.sqs.event.RestoredFilesEvent;
import io.trailwatch.connector.sqs.event.SharedFilesEvent;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.AwsNotifications;
import io.trailwatch.ingest.ProcessedFiles;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.io.InputStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reader's side of the restore handshake (see {@code SqsSplitEnumerator}): it reports the
 * remembered files it restored ({@link RestoredFilesEvent}), and receives nothing until the
 * enumerator has shared every reader's restored files with it ({@link SharedFilesEvent}), which it
 * then uses to skip or resume the files of messages SQS redelivers to it.
 */
@Timeout(60)
class SqsSourceReaderTest {

    private static final String QUEUE = "https://sqs.us-east-1.amazonaws.com/123456789012/trail";
    private static final String BUCKET = "trail";

    /** How long a test watches a waiting reader: longer than one wait of its fetch thread (1 s). */
    private static final Duration WATCH = Duration.ofMillis(1_500);

    private static final Duration EMITS_WITHIN = Duration.ofSeconds(20);

    /** Another reader had emitted 2 of its 3 records when the checkpoint was taken. */
    private static final String PARTLY_READ_BY_ANOTHER = logKey("1205Z_partly");

    /** Another reader had read it to its end. */
    private static final String READ_BY_ANOTHER = logKey("1210Z_another");

    /** This reader had read it to its end: in its own restored split. */
    private static final String READ_BY_THIS_READER = logKey("1215Z_this");

    /** No reader had read it. */
    private static final String NEW = logKey("1220Z_new");

    private final FakeSqsQueue sqs = new FakeSqsQueue();
    private final FakeTrailS3 s3 = new FakeTrailS3();
    private final TestReaderContext context = new TestReaderContext();
    private final CollectingOutput output = new CollectingOutput();
    private SqsSourceReader reader;

    SqsSourceReaderTest() {
        s3.putLogFile(PARTLY_READ_BY_ANOTHER, List.of("a1", "a2", "a3"));
        s3.putLogFile(READ_BY_ANOTHER, List.of("b1", "b2"));
        s3.putLogFile(READ_BY_THIS_READER, List.of("t1"));
        s3.putLogFile(NEW, List.of("n1", "n2"));
    }

    @AfterEach
    void closeReader() throws Exception {
        if (reader != null) {
            reader.close();
        }
    }

    @Test
    void aRestoredReaderReportsItsRestoredFilesAtStartInBatchesTheLastOneMarked() {
        List<ProcessedFiles.Entry> restored = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            restored.add(read(logKey("1200Z_f" + i)));
        }

        startRestoredFrom(restored);

        List<SourceEvent> sent = context.sentToCoordinator();
        assertThat(sent).as("reports, of 1,000 files at most each").hasSize(2);
        assertThat(sent).allMatch(RestoredFilesEvent.class::isInstance);
        RestoredFilesEvent first = (RestoredFilesEvent) sent.get(0);
        RestoredFilesEvent last = (RestoredFilesEvent) sent.get(1);
        assertThat(first.isLast()).isFalse();
        assertThat(last.isLast()).isTrue();
        List<ProcessedFiles.Entry> reported = new ArrayList<>(first.files());
        reported.addAll(last.files());
        assertThat(reported).containsExactlyElementsOf(restored);
    }

    @Test
    void aRestoredReaderReceivesNothingUntilTheLastSharedBatchThenSkipsAndResumesBySharedFiles()
            throws Exception {
        startRestoredFrom(List.of(read(READ_BY_THIS_READER)));
        sqs.send(
                AwsNotifications.cloudTrail(
                        BUCKET, PARTLY_READ_BY_ANOTHER, READ_BY_ANOTHER, READ_BY_THIS_READER, NEW));

        pollFor(WATCH);
        assertThat(sqs.receives()).as("receives before the shared files").isZero();
        assertThat(output.eventIds()).isEmpty();

        reader.handleSourceEvents(
                new SharedFilesEvent(List.of(partlyRead(PARTLY_READ_BY_ANOTHER, 2)), false));
        pollFor(WATCH);
        assertThat(sqs.receives()).as("receives before the last batch of them").isZero();
        assertThat(output.eventIds()).isEmpty();

        reader.handleSourceEvents(new SharedFilesEvent(List.of(read(READ_BY_ANOTHER)), true));
        pollUntilEmitted(3);

        assertThat(sqs.receives()).isPositive();
        assertThat(output.eventIds())
                .as("a3 after the 2 records another reader emitted, then the new file")
                .containsExactly("a3", "n1", "n2");
    }

    /**
     * A reader that restored nothing (a fresh start, or a subtask added by rescaling) still
     * reports, with an empty report, so that the enumerator can share the pool once every reader
     * has; and it waits for the pool like the others, since SQS may hand it another reader's
     * message.
     */
    @Test
    void aReaderThatRestoredNothingSendsAnEmptyReportAndReadsOnceThePoolArrives() throws Exception {
        reader = newReader();
        reader.start();
        reader.addSplits(List.of(SqsSplit.forSubtask(0, QUEUE))); // assigned by the enumerator
        sqs.send(AwsNotifications.cloudTrail(BUCKET, NEW));

        assertThat(context.sentToCoordinator()).hasSize(1);
        RestoredFilesEvent report = (RestoredFilesEvent) context.sentToCoordinator().get(0);
        assertThat(report.files()).isEmpty();
        assertThat(report.isLast()).isTrue();

        pollFor(WATCH);
        assertThat(sqs.receives()).as("receives before the shared files").isZero();

        reader.handleSourceEvents(new SharedFilesEvent(List.of(), true));
        pollUntilEmitted(2);

        assertThat(output.eventIds()).containsExactly("n1", "n2");
    }

    /** As Flink restores a reader: the restored split is added before the reader starts. */
    private void startRestoredFrom(List<ProcessedFiles.Entry> restoredFiles) {
        reader = newReader();
        reader.addSplits(List.of(new SqsSplit(SqsSplit.splitIdFor(0), QUEUE, restoredFiles)));
        reader.start();
    }

    private SqsSourceReader newReader() {
        Configuration options = new Configuration();
        options.set(SqsSourceOptions.QUEUE_URL, QUEUE);
        options.set(SqsSourceOptions.BUCKET_ALLOWLIST, List.of(BUCKET));
        return SqsSourceReader.create(SqsSourceConfig.from(options), () -> sqs, () -> s3, context);
    }

    /** Polls the reader as its task would, for {@code time}. */
    private void pollFor(Duration time) throws Exception {
        poll(time, Integer.MAX_VALUE);
    }

    private void pollUntilEmitted(int records) throws Exception {
        poll(EMITS_WITHIN, records);
        assertThat(output.eventIds()).as("records emitted").hasSizeGreaterThanOrEqualTo(records);
    }

    private void poll(Duration time, int records) throws Exception {
        long deadline = System.nanoTime() + time.toNanos();
        while (output.eventIds().size() < records) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (reader.pollNext(output) == InputStatus.NOTHING_AVAILABLE) {
                try {
                    reader.isAvailable().get(left, TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    return;
                }
            }
        }
    }

    private static ProcessedFiles.Entry read(String key) {
        return new ProcessedFiles.Entry(
                BUCKET, key, FakeTrailS3.eTagOf(key), false, 0, notExpired());
    }

    private static ProcessedFiles.Entry partlyRead(String key, long recordsEmitted) {
        return new ProcessedFiles.Entry(
                BUCKET, key, FakeTrailS3.eTagOf(key), true, recordsEmitted, notExpired());
    }

    private static long notExpired() {
        return System.currentTimeMillis() + Duration.ofDays(1).toMillis();
    }

    private static String logKey(String timeAndId) {
        String id = timeAndId.substring(timeAndId.indexOf('_') + 1);
        return "AWSLogs/123456789012/CloudTrail/us-east-1/2023/07/10/123456789012_CloudTrail_us-east-1_20230710T"
                + timeAndId.substring(0, timeAndId.indexOf('_'))
                + "_"
                + id
                + ".json.gz";
    }
}
