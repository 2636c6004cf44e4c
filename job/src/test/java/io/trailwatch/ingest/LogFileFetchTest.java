package io.trailwatch.ingest;

import static io.trailwatch.cloudtrail.LogFiles.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retries, resumption and failure classification, against a hand-written fake S3. */
class LogFileFetchTest {

    private static final S3ObjectRef FILE = new S3ObjectRef("trail", "AWSLogs/x.json.gz");
    private static final String ETAG = "\"abc\"";
    private static final FileLimits LIMITS = new FileLimits(1 << 20, 1 << 22, 32);
    private static final RetryPolicy FAST_RETRIES =
            new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(2));
    private static final long NOW = 1_700_000_000_000L;

    private static final byte[] THREE_RECORDS =
            gzip("{\"Records\":[" + record("e1") + "," + record("e2") + "," + record("e3") + "]}");

    private static String record(String eventId) {
        return "{\"eventTime\":\"2023-07-10T12:05:00Z\",\"eventID\":\"" + eventId + "\"}";
    }

    /** Answers each open() with the next scripted response. */
    private static final class ScriptedS3 implements S3ObjectFetcher {
        final Deque<Object> script = new ArrayDeque<>();
        final List<String> requiredETags = new ArrayList<>();

        ScriptedS3 then(Object response) {
            script.add(response);
            return this;
        }

        @Override
        public FetchedObject open(S3ObjectRef object, String requiredETag) throws FetchException {
            requiredETags.add(requiredETag);
            Object next = script.remove();
            if (next instanceof FetchException) {
                throw (FetchException) next;
            }
            InputStream body = (InputStream) next;
            return new FetchedObject(body, ETAG, THREE_RECORDS.length);
        }
    }

    private final ProcessedFiles processed = new ProcessedFiles(60_000, 100);
    private final List<String> emitted = new ArrayList<>();

    private LogFileFetch.Outcome read(ScriptedS3 s3) throws InterruptedException {
        LogFileFetch fetch = new LogFileFetch(s3, LIMITS, FAST_RETRIES, processed, () -> NOW);
        return fetch.read(FILE, (CloudTrailRecord r) -> emitted.add(r.eventId()));
    }

    @Test
    void readsEveryRecordAndReportsTheETag() throws Exception {
        LogFileFetch.Outcome outcome = read(new ScriptedS3().then(body(THREE_RECORDS)));

        assertThat(outcome.status()).isEqualTo(LogFileFetch.Status.READ);
        assertThat(outcome.eTag()).isEqualTo(ETAG);
        assertThat(outcome.records()).isEqualTo(3);
        assertThat(emitted).containsExactly("e1", "e2", "e3");
    }

    @Test
    void retriesThrottlingThenReads() throws Exception {
        ScriptedS3 s3 =
                new ScriptedS3()
                        .then(FetchException.retryable("SlowDown (HTTP 503)", null))
                        .then(body(THREE_RECORDS));

        assertThat(read(s3).status()).isEqualTo(LogFileFetch.Status.READ);
        assertThat(emitted).containsExactly("e1", "e2", "e3");
    }

    @Test
    void aDownloadBrokenPartWayResumesWithoutRepeatingRecords() throws Exception {
        ScriptedS3 s3 =
                new ScriptedS3()
                        .then(breaksAfter(THREE_RECORDS, THREE_RECORDS.length / 2))
                        .then(body(THREE_RECORDS));

        LogFileFetch.Outcome outcome = read(s3);

        assertThat(outcome.status()).isEqualTo(LogFileFetch.Status.READ);
        assertThat(emitted).containsExactly("e1", "e2", "e3");
        assertThat(s3.requiredETags).containsExactly(null, ETAG);
    }

    @Test
    void missingObjectsAreNotRetried() throws Exception {
        ScriptedS3 s3 = new ScriptedS3().then(FetchException.permanent("no such key", null));

        LogFileFetch.Outcome outcome = read(s3);

        assertThat(outcome.status()).isEqualTo(LogFileFetch.Status.FAILED);
        assertThat(outcome.failure()).contains("no such key");
        assertThat(s3.script).isEmpty();
    }

    @Test
    void givesUpAfterTheLastAttempt() throws Exception {
        ScriptedS3 s3 = new ScriptedS3();
        for (int i = 0; i < FAST_RETRIES.maxAttempts(); i++) {
            s3.then(FetchException.retryable("InternalError (HTTP 500)", null));
        }

        LogFileFetch.Outcome outcome = read(s3);

        assertThat(outcome.status()).isEqualTo(LogFileFetch.Status.FAILED);
        assertThat(outcome.failure()).contains("gave up after 3 attempts");
    }

    @Test
    void contentThatIsNeitherGzipNorJsonFailsAtOnce() throws Exception {
        ScriptedS3 s3 = new ScriptedS3().then(body("this is not a log file".getBytes()));

        LogFileFetch.Outcome outcome = read(s3);

        assertThat(outcome.status()).isEqualTo(LogFileFetch.Status.FAILED);
        assertThat(outcome.failure()).contains("s3://trail/AWSLogs/x.json.gz");
        assertThat(s3.script).as("not retried").isEmpty();
    }

    @Test
    void aFileReadBeforeIsNotEmittedAgain() throws Exception {
        processed.remember(FILE, ETAG, false, 0, NOW);

        LogFileFetch.Outcome outcome = read(new ScriptedS3().then(body(THREE_RECORDS)));

        assertThat(outcome.status()).isEqualTo(LogFileFetch.Status.ALREADY_READ);
        assertThat(emitted).isEmpty();
    }

    @Test
    void aFileThatFailedPartWayIsReadOnFromThereWhenRedelivered() throws Exception {
        List<String> ids = new ArrayList<>();
        StringBuilder json = new StringBuilder("{\"Records\":[");
        for (int i = 0; i < 2_000; i++) {
            ids.add("e" + i);
            json.append(i == 0 ? "" : ",").append(record("e" + i));
        }
        byte[] manyRecords = gzip(json.append("]}").toString());
        // First delivery: every attempt breaks two thirds of the way in; the file fails.
        ScriptedS3 broken = new ScriptedS3();
        for (int i = 0; i < FAST_RETRIES.maxAttempts(); i++) {
            broken.then(breaksAfter(manyRecords, manyRecords.length * 2 / 3));
        }
        LogFileFetch.Outcome first = read(broken);
        assertThat(first.status()).isEqualTo(LogFileFetch.Status.FAILED);
        assertThat(emitted).isNotEmpty().hasSizeLessThan(ids.size());
        processed.remember(FILE, first.eTag(), true, first.records(), NOW);

        // Redelivery (or a redrive from the dead-letter queue) once S3 behaves again.
        LogFileFetch.Outcome second = read(new ScriptedS3().then(body(manyRecords)));

        assertThat(second.status()).isEqualTo(LogFileFetch.Status.READ);
        assertThat(emitted).as("each record exactly once").isEqualTo(ids);
    }

    @Test
    void tellsTheSinkWhichContentItOpenedAndHowManyRecordsItSkips() throws Exception {
        processed.remember(FILE, ETAG, true, 2, NOW);
        List<String> opened = new ArrayList<>();
        LogFileFetch fetch =
                new LogFileFetch(
                        new ScriptedS3().then(body(THREE_RECORDS)),
                        LIMITS,
                        FAST_RETRIES,
                        processed,
                        () -> NOW);

        fetch.read(
                FILE,
                new LogFileFetch.RecordSink() {
                    @Override
                    public void opened(String eTag, long recordsSkipped) {
                        opened.add(eTag + " after " + recordsSkipped);
                    }

                    @Override
                    public void accept(CloudTrailRecord record) {
                        emitted.add(record.eventId());
                    }
                });

        assertThat(opened).containsExactly(ETAG + " after 2");
        assertThat(emitted).containsExactly("e3");
    }

    @Test
    void aFailedFileRememberedWithoutItsCountStillFailsAtOnce() throws Exception {
        processed.restore(
                List.of(
                        new ProcessedFiles.Entry(
                                FILE.bucket(), FILE.key(), ETAG, true, NOW + 60_000)));

        LogFileFetch.Outcome outcome = read(new ScriptedS3().then(body(THREE_RECORDS)));

        assertThat(outcome.status()).isEqualTo(LogFileFetch.Status.FAILED);
        assertThat(emitted).isEmpty();
    }

    @Test
    void decompressionBombsStopAtTheLimit() throws Exception {
        byte[] bomb =
                gzip(
                        "{\"Records\":[{\"eventTime\":\"2023-07-10T12:05:00Z\",\"pad\":\""
                                + "x".repeat(1 << 23)
                                + "\"}]}");
        ScriptedS3 s3 = new ScriptedS3().then(body(bomb));

        LogFileFetch.Outcome outcome = read(s3);

        assertThat(outcome.status()).isEqualTo(LogFileFetch.Status.FAILED);
        assertThat(emitted).isEmpty();
    }

    private static InputStream body(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }

    /** A body whose connection drops after {@code bytes} bytes. */
    private static InputStream breaksAfter(byte[] content, int bytes) {
        return new FilterInputStream(new ByteArrayInputStream(content, 0, bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    throw new IOException("Connection reset");
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int n = super.read();
                if (n < 0) {
                    throw new IOException("Connection reset");
                }
                return n;
            }
        };
    }
}
