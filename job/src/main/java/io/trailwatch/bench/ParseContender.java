package io.trailwatch.bench;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One way of reading a {@code .json.gz} CloudTrail file, timed by {@link Benchmark}. Contenders
 * that need libraries TrailWatch does not ship (the AWS CloudTrail Processing Library) are found
 * with {@link java.util.ServiceLoader} when they are on the class path.
 */
public interface ParseContender {

    /** The name printed in the results table. */
    String name();

    /**
     * Reads the whole file and returns what it counted (records, or tokens for a baseline that does
     * not know records), so that the work cannot be optimised away and runs can be compared.
     */
    long read(Path file) throws IOException;

    /** Whether {@link #read} counts records (and so must agree with the reader's count). */
    default boolean countsRecords() {
        return true;
    }
}
