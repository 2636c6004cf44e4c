package io.trailwatch.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The log files already read, by (bucket, key, ETag), so a redelivered notification does not emit
 * records twice. Bounded twice over: entries expire after a TTL, and beyond {@code maxEntries} the
 * oldest are forgotten. A file that failed is remembered with the number of its records already
 * emitted: a redelivery (another receive, or a redrive from the dead-letter queue once the cause is
 * fixed) reads it again from there, so its first records are never emitted twice, and a file that
 * is still broken fails again at the same place and goes back to the redrive policy.
 *
 * <p>Thread-safe: the fetch threads ask, the task thread remembers and snapshots.
 */
public final class ProcessedFiles {

    /** Records emitted of a failed file remembered before that count was kept (state version 2). */
    public static final long UNKNOWN_RECORDS = -1;

    /**
     * One remembered file.
     *
     * @param recordsEmitted for a failed file, how many of its records were emitted before it
     *     failed, or {@link #UNKNOWN_RECORDS}
     */
    public record Entry(
            String bucket,
            String key,
            String eTag,
            boolean failed,
            long recordsEmitted,
            long expiresAt) {

        /** An entry as state version 2 kept it, without the count of records emitted. */
        public Entry(String bucket, String key, String eTag, boolean failed, long expiresAt) {
            this(bucket, key, eTag, failed, failed ? UNKNOWN_RECORDS : 0, expiresAt);
        }
    }

    private record FileId(String bucket, String key, String eTag) {}

    private final long ttlMillis;
    private final int maxEntries;
    private final LinkedHashMap<FileId, Entry> entries = new LinkedHashMap<>();

    public ProcessedFiles(long ttlMillis, int maxEntries) {
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
    }

    /** The remembered outcome of this exact file content, or {@code null} if not seen. */
    public synchronized Entry lookup(S3ObjectRef object, String eTag, long nowMillis) {
        expire(nowMillis);
        return entries.get(new FileId(object.bucket(), object.key(), eTag));
    }

    public synchronized void remember(
            S3ObjectRef object, String eTag, boolean failed, long recordsEmitted, long nowMillis) {
        FileId id = new FileId(object.bucket(), object.key(), eTag);
        entries.remove(id); // re-insert at the young end
        entries.put(
                id,
                new Entry(
                        object.bucket(),
                        object.key(),
                        eTag,
                        failed,
                        recordsEmitted,
                        nowMillis + ttlMillis));
        expire(nowMillis);
        Iterator<FileId> oldest = entries.keySet().iterator();
        while (entries.size() > maxEntries) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Adds entries restored from a checkpoint, keeping their original expiry. */
    public synchronized void restore(List<Entry> restored) {
        for (Entry entry : restored) {
            FileId id = new FileId(entry.bucket(), entry.key(), entry.eTag());
            Entry known = entries.get(id);
            if (known == null || known.expiresAt() < entry.expiresAt()) {
                entries.put(id, entry);
            }
        }
    }

    public synchronized List<Entry> snapshot(long nowMillis) {
        expire(nowMillis);
        return new ArrayList<>(entries.values());
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Entries are kept in insertion order and all live equally long: the expired are eldest. */
    private void expire(long nowMillis) {
        Iterator<Map.Entry<FileId, Entry>> it = entries.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue().expiresAt() > nowMillis) {
                return;
            }
            it.remove();
        }
    }
}
