package io.trailwatch.cloudtrail;

/** Decompresses raw deflate data held in memory in one call. Thread-safe. */
interface RawInflater {

    /** Shown in logs and the benchmark, e.g. "JDK zlib". */
    String name();

    /**
     * Inflates {@code in[offset, offset + length)} into {@code out[0, expected + 1)} and says
     * whether the data was one complete deflate stream, consumed to its last byte, that
     * decompressed to exactly {@code expected} bytes (the spare byte catches data that goes on).
     * Returns {@code false} for corrupt data rather than throwing.
     */
    boolean inflateExactly(byte[] in, int offset, int length, byte[] out, int expected);
}
