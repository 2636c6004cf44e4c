package io.trailwatch.ingest;

import io.trailwatch.cloudtrail.ReadLimits;
import java.io.Serializable;

/**
 * Bounds on one log file, so a huge object or a decompression bomb cannot exhaust a task manager.
 *
 * @param maxObjectBytes largest compressed object fetched
 * @param maxDecompressedBytes most bytes one file may decompress to
 * @param maxNestingDepth deepest JSON nesting accepted inside a record
 * @param maxStringLength longest JSON string value accepted, in characters
 */
public record FileLimits(
        long maxObjectBytes, long maxDecompressedBytes, int maxNestingDepth, int maxStringLength)
        implements Serializable {

    public FileLimits {
        if (maxObjectBytes <= 0
                || maxDecompressedBytes <= 0
                || maxNestingDepth <= 0
                || maxStringLength <= 0) {
            throw new IllegalArgumentException(
                    "file limits must be positive, got "
                            + maxObjectBytes
                            + ", "
                            + maxDecompressedBytes
                            + ", "
                            + maxNestingDepth
                            + ", "
                            + maxStringLength);
        }
    }

    /** With the default string length limit ({@link ReadLimits#DEFAULT_MAX_STRING_LENGTH}). */
    public FileLimits(long maxObjectBytes, long maxDecompressedBytes, int maxNestingDepth) {
        this(
                maxObjectBytes,
                maxDecompressedBytes,
                maxNestingDepth,
                ReadLimits.DEFAULT_MAX_STRING_LENGTH);
    }
}
