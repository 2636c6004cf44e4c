package io.trailwatch.ingest;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongSupplier;

/**
 * Reads one log file from S3 into a {@link RecordSink}: GetObject, streaming gunzip and parse,
 * retries with backoff where retrying can help. A download that breaks part-way is fetched again
 * (same ETag) and the records already handed on are skipped, so no record is given twice.
 */
public final class LogFileFetch {

    /** Receives records as they are parsed; may block (back-pressure). */
    @FunctionalInterface
    public interface RecordSink {
        void accept(CloudTrailRecord record) throws InterruptedException;

        /**
         * Called once before the file's first record is read: which content it is, and how many of
         * its first records an earlier read already emitted (they are skipped). A reader that
         * checkpoints part-way through a file needs both to resume it exactly.
         */
        default void opened(String eTag, long recordsSkipped) throws InterruptedException {}
    }

    /** How reading a file ended. */
    public enum Status {
        READ,
        /** Same bucket, key and ETag read before: nothing emitted. */
        ALREADY_READ,
        /** Not readable (missing, denied, corrupt, too large, or retries exhausted). */
        FAILED
    }

    /** The result of reading one file. */
    public record Outcome(
            Status status, String eTag, long records, long compressedBytes, String failure) {}

    private final S3ObjectFetcher fetcher;
    private final FileLimits limits;
    private final RetryPolicy retries;
    private final ProcessedFiles processed;
    private final LongSupplier clock;

    public LogFileFetch(
            S3ObjectFetcher fetcher,
            FileLimits limits,
            RetryPolicy retries,
            ProcessedFiles processed,
            LongSupplier clock) {
        this.fetcher = fetcher;
        this.limits = limits;
        this.retries = retries;
        this.processed = processed;
        this.clock = clock;
    }

    public Outcome read(S3ObjectRef object, RecordSink sink) throws InterruptedException {
        String eTag = null;
        long delivered = 0;
        long bytes = 0;
        for (int attempt = 1; ; attempt++) {
            String retryReason;
            ByteCounter counter = null;
            try (FetchedObject fetched = fetcher.open(object, eTag)) {
                if (eTag == null) {
                    eTag = fetched.eTag();
                    ProcessedFiles.Entry known = processed.lookup(object, eTag, clock.getAsLong());
                    if (known != null && !known.failed()) {
                        return new Outcome(Status.ALREADY_READ, eTag, 0, 0, null);
                    }
                    if (known != null && known.recordsEmitted() == ProcessedFiles.UNKNOWN_RECORDS) {
                        return failed(eTag, delivered, bytes, object + " failed before");
                    }
                    if (known != null) {
                        // Not finished before: read it again, from the first record not emitted.
                        delivered = known.recordsEmitted();
                    }
                    sink.opened(eTag, delivered);
                }
                if (fetched.contentLength() > limits.maxObjectBytes()) {
                    return failed(
                            eTag,
                            delivered,
                            bytes,
                            object
                                    + " is "
                                    + fetched.contentLength()
                                    + " bytes, over the limit of "
                                    + limits.maxObjectBytes());
                }
                counter = new ByteCounter(fetched.body(), limits.maxObjectBytes());
                try (RecordStream records =
                        CloudTrailLogFiles.open(counter, object.toString(), limits)) {
                    long index = 0;
                    CloudTrailRecord record;
                    while ((record = records.next()) != null) {
                        if (index++ >= delivered) {
                            sink.accept(record);
                            delivered++;
                        }
                    }
                }
                return new Outcome(Status.READ, eTag, delivered, bytes + counter.count, null);
            } catch (FetchException e) {
                if (!e.retryable()) {
                    return failed(eTag, delivered, bytes, e.getMessage());
                }
                retryReason = e.getMessage();
            } catch (CorruptLogFileException e) {
                return failed(eTag, delivered, bytes, e.getMessage());
            } catch (IOException e) {
                retryReason = "reading " + object + " failed: " + e;
            }
            if (counter != null) {
                bytes += counter.count;
            }
            if (attempt >= retries.maxAttempts()) {
                return failed(
                        eTag,
                        delivered,
                        bytes,
                        retryReason + " (gave up after " + attempt + " attempts)");
            }
            Thread.sleep(retries.backoffAfter(attempt).toMillis());
        }
    }

    private static Outcome failed(String eTag, long delivered, long bytes, String why) {
        return new Outcome(Status.FAILED, eTag, delivered, bytes, why);
    }

    /** Counts compressed bytes and refuses to read past the object size limit. */
    private static final class ByteCounter extends FilterInputStream {
        private final long limit;
        private long count;

        ByteCounter(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(long n) throws CorruptLogFileException {
            count += n;
            if (count > limit) {
                throw new CorruptLogFileException(
                        "object is larger than the limit of " + limit + " bytes", null);
            }
        }
    }
}
