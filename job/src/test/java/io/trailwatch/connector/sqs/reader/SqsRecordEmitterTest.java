package io.trailwatch.connector.sqs.reader;

import static io.trailwatch.cloudtrail.LogFiles.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordFlattener;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.FetchedObject;
import io.trailwatch.ingest.FileLimits;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.ProcessedFiles;
import io.trailwatch.ingest.RetryPolicy;
import io.trailwatch.ingest.S3ObjectFetcher;
import io.trailwatch.ingest.S3ObjectRef;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.junit.jupiter.api.Test;

/**
 * What a checkpoint of the reader says about the file whose records are being emitted when the
 * barrier arrives: after a restore from it, the file must be read on after the records the
 * checkpoint covers, not from its start (those records are already counted downstream).
 */
class SqsRecordEmitterTest {

    private static final S3ObjectRef FILE = new S3ObjectRef("trail", "AWSLogs/x.json.gz");
    private static final String ETAG = "\"abc\"";
    private static final long NOW = 1_700_000_000_000L;
    private static final long TTL = 60_000;
    private static final List<String> EVENT_IDS = List.of("e1", "e2", "e3");
    private static final SqsSplit SPLIT = SqsSplit.forSubtask(0, "https://sqs/queue");

    private final ProcessedFiles processedFiles = new ProcessedFiles(TTL, 100);
    private final SqsRecordEmitter emitter =
            new SqsRecordEmitter(
                    processedFiles,
                    new InFlightMessages(),
                    new SqsSourceMetrics(new UnregisteredMetricsGroup()));
    private final CollectingOutput output = new CollectingOutput();

    @Test
    void aCheckpointPartWayThroughAFileResumesItAfterTheRecordsItCovers() throws Exception {
        emit(SqsSourceElement.fileOpened(FILE, ETAG, 0));
        emit(SqsSourceElement.record(record("e1")));
        emit(SqsSourceElement.record(record("e2")));

        List<ProcessedFiles.Entry> checkpoint =
                processedFiles.snapshot(NOW, emitter.partlyEmittedFiles());

        assertThat(redeliveredAfterRestoringFrom(checkpoint))
                .as("records the restored checkpoint does not cover")
                .containsExactly("e3");
    }

    @Test
    void aCheckpointBetweenFilesRemembersTheFinishedFileOnly() throws Exception {
        emit(SqsSourceElement.fileOpened(FILE, ETAG, 0));
        EVENT_IDS.forEach(id -> emit(SqsSourceElement.record(record(id))));
        emit(SqsSourceElement.fileDone(FILE, read(EVENT_IDS.size())));

        assertThat(emitter.partlyEmittedFiles()).isEmpty();
        List<ProcessedFiles.Entry> checkpoint =
                processedFiles.snapshot(NOW, emitter.partlyEmittedFiles());

        assertThat(redeliveredAfterRestoringFrom(checkpoint)).isEmpty();
    }

    @Test
    void aFileResumedAfterARestoreCountsOnFromWhereItResumed() throws Exception {
        emit(SqsSourceElement.fileOpened(FILE, ETAG, 2));
        emit(SqsSourceElement.record(record("e3")));

        assertThat(emitter.partlyEmittedFiles())
                .containsExactly(new ProcessedFiles.PartlyEmitted(FILE, ETAG, 3));
    }

    /** Restores a fresh reader's memory from the checkpoint and reads the file's message again. */
    private static List<String> redeliveredAfterRestoringFrom(List<ProcessedFiles.Entry> checkpoint)
            throws InterruptedException {
        ProcessedFiles restored = new ProcessedFiles(TTL, 100);
        restored.restore(checkpoint);
        LogFileFetch fetch =
                new LogFileFetch(
                        new OneFileS3(gzip(logFile(EVENT_IDS))),
                        new FileLimits(1 << 20, 1 << 22, 32),
                        new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1)),
                        restored,
                        () -> NOW);
        List<String> emitted = new ArrayList<>();
        fetch.read(FILE, (CloudTrailRecord r) -> emitted.add(r.eventId()));
        return emitted;
    }

    private void emit(SqsSourceElement element) {
        emitter.emitRecord(element, output, SPLIT);
    }

    private static LogFileFetch.Outcome read(long records) {
        return new LogFileFetch.Outcome(LogFileFetch.Status.READ, ETAG, records, 100, null);
    }

    private static CloudTrailRecord record(String eventId) {
        return RecordFlattener.flatten(recordJson(eventId));
    }

    private static String recordJson(String eventId) {
        return "{\"eventTime\":\"2023-07-10T12:05:00Z\",\"eventID\":\"" + eventId + "\"}";
    }

    private static String logFile(List<String> eventIds) {
        return "{\"Records\":["
                + String.join(",", eventIds.stream().map(SqsRecordEmitterTest::recordJson).toList())
                + "]}";
    }

    /** S3 holding one object, {@link #FILE} with {@link #ETAG}. */
    private static final class OneFileS3 implements S3ObjectFetcher {
        private final byte[] content;

        OneFileS3(byte[] content) {
            this.content = content;
        }

        @Override
        public FetchedObject open(S3ObjectRef object, String requiredETag) {
            return new FetchedObject(new ByteArrayInputStream(content), ETAG, content.length);
        }
    }
}
