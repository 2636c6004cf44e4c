package io.trailwatch.ingest;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.Closeable;
import java.io.IOException;

/** The records of one log file, read one by one while the file streams in. */
public interface RecordStream extends Closeable {

    /**
     * The next record, or {@code null} at the end of the file.
     *
     * @throws CorruptLogFileException if the content is not a readable CloudTrail log file
     * @throws IOException if reading the underlying stream fails (may help to retry)
     */
    CloudTrailRecord next() throws IOException;

    long uncompressedBytesRead();
}
