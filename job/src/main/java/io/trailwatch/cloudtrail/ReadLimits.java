package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.Serializable;

/**
 * Bounds on what one log file may cost to read, so a hostile or broken object cannot exhaust memory
 * or time.
 *
 * @param maxCompressedBytes largest object accepted as stored (gzip or plain); the reader checks it
 *     on the bytes it consumes, callers that know the object size check it before opening
 * @param maxDecompressedBytes largest decompressed text accepted (decompression bombs)
 * @param maxDepth deepest nesting accepted inside one record (the record object is level 1)
 * @param maxEntriesPerRecord most flattened entries one record may have
 * @param maxStringLength longest JSON string value accepted, in characters (the parser's {@link
 *     StreamReadConstraints#getMaxStringLength()})
 */
public record ReadLimits(
        long maxCompressedBytes,
        long maxDecompressedBytes,
        int maxDepth,
        int maxEntriesPerRecord,
        int maxStringLength)
        implements Serializable {

    private static final long MIB = 1024L * 1024L;

    /** Jackson's own default, 20 million characters: CloudTrail values are far shorter. */
    public static final int DEFAULT_MAX_STRING_LENGTH =
            StreamReadConstraints.DEFAULT_MAX_STRING_LEN;

    /**
     * 256 MiB stored, 1 GiB decompressed, 64 levels, 100,000 entries per record, strings of 20
     * million characters.
     */
    public static final ReadLimits DEFAULTS =
            new ReadLimits(256 * MIB, 1024 * MIB, 64, 100_000, DEFAULT_MAX_STRING_LENGTH);

    public ReadLimits {
        requirePositive(maxCompressedBytes, "maxCompressedBytes");
        requirePositive(maxDecompressedBytes, "maxDecompressedBytes");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxEntriesPerRecord, "maxEntriesPerRecord");
        requirePositive(maxStringLength, "maxStringLength");
    }

    /** With the default string length limit. */
    public ReadLimits(
            long maxCompressedBytes,
            long maxDecompressedBytes,
            int maxDepth,
            int maxEntriesPerRecord) {
        this(
                maxCompressedBytes,
                maxDecompressedBytes,
                maxDepth,
                maxEntriesPerRecord,
                DEFAULT_MAX_STRING_LENGTH);
    }

    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    public ReadLimits withMaxCompressedBytes(long bytes) {
        return new ReadLimits(
                bytes, maxDecompressedBytes, maxDepth, maxEntriesPerRecord, maxStringLength);
    }

    public ReadLimits withMaxDecompressedBytes(long bytes) {
        return new ReadLimits(
                maxCompressedBytes, bytes, maxDepth, maxEntriesPerRecord, maxStringLength);
    }

    public ReadLimits withMaxDepth(int depth) {
        return new ReadLimits(
                maxCompressedBytes,
                maxDecompressedBytes,
                depth,
                maxEntriesPerRecord,
                maxStringLength);
    }

    public ReadLimits withMaxEntriesPerRecord(int entries) {
        return new ReadLimits(
                maxCompressedBytes, maxDecompressedBytes, maxDepth, entries, maxStringLength);
    }

    public ReadLimits withMaxStringLength(int characters) {
        return new ReadLimits(
                maxCompressedBytes,
                maxDecompressedBytes,
                maxDepth,
                maxEntriesPerRecord,
                characters);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "read limit " + name + " must be positive, but is " + value);
        }
    }
}
