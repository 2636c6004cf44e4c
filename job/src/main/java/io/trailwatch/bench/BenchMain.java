package io.trailwatch.bench;

import io.trailwatch.cli.TrailWatch;

/**
 * Runs one TrailWatch command ({@code bench} or {@code generate}) and ends the JVM with its exit
 * code. The Maven {@code bench} profile starts this rather than {@link TrailWatch}: a local Flink
 * run can leave a non-daemon source fetcher thread behind, which would keep the JVM alive after the
 * benchmark has printed its results.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        int code = TrailWatch.run(args, System.out, System.err);
        System.out.flush();
        System.exit(code);
    }
}
