package io.trailwatch.ingest;

import io.trailwatch.cloudtrail.CloudTrailObjectKey;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.LogFileException;
import io.trailwatch.cloudtrail.LogFileReader;
import io.trailwatch.cloudtrail.ReadLimits;
import java.io.IOException;
import java.io.InputStream;

/**
 * The seam between ingest and the log-file format ({@link LogFileReader}, {@link
 * CloudTrailObjectKey}): which object keys are CloudTrail log files, and how one is read as a
 * stream of records. Content errors become {@link CorruptLogFileException} (not worth a retry);
 * other I/O errors come from the download and pass through (worth a retry).
 */
public final class CloudTrailLogFiles {

    private static final int MAX_ENTRIES_PER_RECORD = ReadLimits.DEFAULTS.maxEntriesPerRecord();

    private CloudTrailLogFiles() {}

    /** True for CloudTrail log files; false for digests, Insights files and foreign keys. */
    public static boolean isLogFile(String key) {
        return CloudTrailObjectKey.parse(key).isLogFile();
    }

    /** Starts reading a CloudTrail log file (gzip or plain {@code {"Records": [..]}}). */
    public static RecordStream open(InputStream raw, String origin, FileLimits limits)
            throws IOException {
        ReadLimits readLimits =
                new ReadLimits(
                        limits.maxObjectBytes(),
                        limits.maxDecompressedBytes(),
                        limits.maxNestingDepth(),
                        MAX_ENTRIES_PER_RECORD,
                        limits.maxStringLength());
        try {
            return new ReaderStream(LogFileReader.open(raw, origin, readLimits));
        } catch (LogFileException e) {
            throw new CorruptLogFileException(e.getMessage(), e);
        }
    }

    private static final class ReaderStream implements RecordStream {
        private final LogFileReader reader;

        ReaderStream(LogFileReader reader) {
            this.reader = reader;
        }

        @Override
        public CloudTrailRecord next() throws IOException {
            try {
                return reader.next();
            } catch (LogFileException e) {
                throw new CorruptLogFileException(e.getMessage(), e);
            }
        }

        @Override
        public long uncompressedBytesRead() {
            return reader.uncompressedBytesRead();
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
