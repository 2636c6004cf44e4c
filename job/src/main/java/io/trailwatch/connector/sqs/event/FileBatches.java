package io.trailwatch.connector.sqs.event;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits remembered files into batches small enough for one source event: events travel over the
 * cluster's RPC, whose frames are limited (10 MB by default), and a reader may remember 50,000
 * files.
 */
final class FileBatches {

    /** About 300 KB of bucket, key and ETag. */
    static final int MAX_FILES = 1_000;

    private FileBatches() {}

    /** At least one batch, empty if there are no files. */
    static <T> List<List<T>> of(List<T> files) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < files.size(); from += MAX_FILES) {
            batches.add(List.copyOf(files.subList(from, Math.min(files.size(), from + MAX_FILES))));
        }
        if (batches.isEmpty()) {
            batches.add(List.of());
        }
        return batches;
    }
}
