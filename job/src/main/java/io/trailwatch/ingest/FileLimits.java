package io.trailwatch.ingest;

import java.io.Serializable;

/**
 * Bounds on one log file, so a huge object or a decompression bomb cannot exhaust a task manager.
 *
 * @param maxObjectBytes largest compressed object fetched
 * @param maxDecompressedBytes most bytes one file may decompress to
 * @param maxNestingDepth deepest JSON nesting accepted inside a record
 */
public record FileLimits(long maxObjectBytes, long maxDecompressedBytes, int maxNestingDepth)
        implements Serializable {

    public FileLimits {
        if (maxObjectBytes <= 0 || maxDecompressedBytes <= 0 || maxNestingDepth <= 0) {
            throw new IllegalArgumentException(
                    "file limits must be positive, got "
                            + maxObjectBytes
                            + ", "
                            + maxDecompressedBytes
                            + ", "
                            + maxNestingDepth);
        }
    }
}
