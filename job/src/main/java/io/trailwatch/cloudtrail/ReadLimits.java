package io.trailwatch.cloudtrail;

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
 */
public record ReadLimits(
        long maxCompressedBytes, long maxDecompressedBytes, int maxDepth, int maxEntriesPerRecord)
        implements Serializable {

    private static final long MIB = 1024L * 1024L;

    /** 256 MiB stored, 1 GiB decompressed, 64 levels, 100,000 entries per record. */
    public static final ReadLimits DEFAULTS = new ReadLimits(256 * MIB, 1024 * MIB, 64, 100_000);

    public ReadLimits {
        requirePositive(maxCompressedBytes, "maxCompressedBytes");
        requirePositive(maxDecompressedBytes, "maxDecompressedBytes");
        requirePositive(maxDepth, "maxDepth");
        requirePositive(maxEntriesPerRecord, "maxEntriesPerRecord");
    }

    public static ReadLimits defaults() {
        return DEFAULTS;
    }

    public ReadLimits withMaxCompressedBytes(long bytes) {
        return new ReadLimits(bytes, maxDecompressedBytes, maxDepth, maxEntriesPerRecord);
    }

    public ReadLimits withMaxDecompressedBytes(long bytes) {
        return new ReadLimits(maxCompressedBytes, bytes, maxDepth, maxEntriesPerRecord);
    }

    public ReadLimits withMaxDepth(int depth) {
        return new ReadLimits(maxCompressedBytes, maxDecompressedBytes, depth, maxEntriesPerRecord);
    }

    public ReadLimits withMaxEntriesPerRecord(int entries) {
        return new ReadLimits(maxCompressedBytes, maxDecompressedBytes, maxDepth, entries);
    }

    private static void requirePositive(long value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(
                    "read limit " + name + " must be positive, but is " + value);
        }
    }
}
