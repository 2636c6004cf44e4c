package io.trailwatch.connector.sqs.reader;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.S3ObjectRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One log file being read on a fetch pool thread. Records are passed on in small chunks through a
 * bounded queue, so a large file streams through without being held in memory, and a reader that
 * falls behind slows the download down.
 */
final class FileReading {

    private static final int CHUNK_SIZE = 256;
    private static final int CHUNKS_BUFFERED = 4;

    /**
     * The opening of the file (its ETag and the records an earlier read emitted), a few records, or
     * the end of the file with its outcome.
     */
    static final class Chunk {
        final List<CloudTrailRecord> records;
        final LogFileFetch.Outcome outcome;
        final long latencyMillis;
        final String openedETag;
        final long recordsSkipped;

        private Chunk(
                List<CloudTrailRecord> records,
                LogFileFetch.Outcome outcome,
                long latency,
                String openedETag,
                long recordsSkipped) {
            this.records = records;
            this.outcome = outcome;
            this.latencyMillis = latency;
            this.openedETag = openedETag;
            this.recordsSkipped = recordsSkipped;
        }

        static Chunk opening(String eTag, long recordsSkipped) {
            return new Chunk(List.of(), null, 0, eTag, recordsSkipped);
        }

        static Chunk records(List<CloudTrailRecord> records) {
            return new Chunk(List.copyOf(records), null, 0, null, 0);
        }

        static Chunk end(LogFileFetch.Outcome outcome, long latencyMillis) {
            return new Chunk(List.of(), outcome, latencyMillis, null, 0);
        }

        boolean isOpening() {
            return openedETag != null;
        }

        boolean isEnd() {
            return outcome != null;
        }
    }

    final S3ObjectRef file;
    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(CHUNKS_BUFFERED);
    private Future<?> task;

    FileReading(S3ObjectRef file) {
        this.file = file;
    }

    boolean started() {
        return task != null;
    }

    void start(ExecutorService pool, LogFileFetch fetch) {
        task = pool.submit(() -> run(fetch));
    }

    /** The next chunk, waiting at most {@code timeoutMillis}; {@code null} if none yet. */
    Chunk poll(long timeoutMillis) throws InterruptedException {
        return chunks.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    void cancel() {
        if (task != null) {
            task.cancel(true);
        }
    }

    private void run(LogFileFetch fetch) {
        long started = System.nanoTime();
        List<CloudTrailRecord> pending = new ArrayList<>(CHUNK_SIZE);
        try {
            LogFileFetch.Outcome outcome;
            try {
                outcome =
                        fetch.read(
                                file,
                                new LogFileFetch.RecordSink() {
                                    @Override
                                    public void opened(String eTag, long recordsSkipped)
                                            throws InterruptedException {
                                        if (eTag != null && !eTag.isEmpty()) {
                                            chunks.put(Chunk.opening(eTag, recordsSkipped));
                                        }
                                    }

                                    @Override
                                    public void accept(CloudTrailRecord record)
                                            throws InterruptedException {
                                        pending.add(record);
                                        if (pending.size() == CHUNK_SIZE) {
                                            chunks.put(Chunk.records(pending));
                                            pending.clear();
                                        }
                                    }
                                });
            } catch (RuntimeException e) {
                outcome =
                        new LogFileFetch.Outcome(
                                LogFileFetch.Status.FAILED,
                                null,
                                0,
                                0,
                                "reading " + file + " failed unexpectedly: " + e);
            }
            if (!pending.isEmpty()) {
                chunks.put(Chunk.records(pending));
            }
            long latency = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            chunks.put(Chunk.end(outcome, latency));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the reader is closing
        }
    }
}
