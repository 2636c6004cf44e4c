package io.trailwatch.ingest;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
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
 * is still broken fails again at the same place and goes back to the redrive policy. A checkpoint
 * taken while a file's records are being emitted keeps that file the same way ({@link
 * #snapshot(long, List)}): after a restore from it, the file is read on after the records the
 * checkpoint already covers.
 *
 * <p>Thread-safe: the fetch threads ask, the task thread remembers and snapshots.
 */
public final class ProcessedFiles {

    /** Records emitted of a failed file remembered before that count was kept (state version 2). */
    public static final long UNKNOWN_RECORDS = -1;

    /**
     * One remembered file.
     *
     * @param failed the file was not read to its end: reading it failed, or a checkpoint was taken
     *     part-way through its records. Either way a redelivery reads on after {@code
     *     recordsEmitted}.
     * @param recordsEmitted for a file not read to its end, how many of its records were emitted,
     *     or {@link #UNKNOWN_RECORDS}
     */
    public record Entry(
            String bucket,
            String key,
            String eTag,
            boolean failed,
            long recordsEmitted,
            long expiresAt)
            implements Serializable {

        /** An entry as state version 2 kept it, without the count of records emitted. */
        public Entry(String bucket, String key, String eTag, boolean failed, long expiresAt) {
            this(bucket, key, eTag, failed, failed ? UNKNOWN_RECORDS : 0, expiresAt);
        }
    }

    /** A file whose first {@code recordsEmitted} records (of content {@code eTag}) are emitted. */
    public record PartlyEmitted(S3ObjectRef file, String eTag, long recordsEmitted) {}

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

    /**
     * Adds entries restored from a checkpoint (this reader's or, shared, another reader's), keeping
     * their original expiry. Of two entries for the same file, the one that emitted more wins: a
     * file read to its end beats one read part-way, which beats one read less far.
     */
    public synchronized void restore(List<Entry> restored) {
        for (Entry entry : restored) {
            FileId id = new FileId(entry.bucket(), entry.key(), entry.eTag());
            Entry known = entries.get(id);
            if (known == null || isFurther(entry, known)) {
                entries.put(id, entry);
            }
        }
        keepNewestInAgeOrder();
    }

    /**
     * Entries restored from several readers arrive out of age order: sort them back ({@link
     * #expire} relies on it) and keep the newest {@code maxEntries}, which are the ones a message
     * still on the queue can name.
     */
    private void keepNewestInAgeOrder() {
        List<Map.Entry<FileId, Entry>> byAge = new ArrayList<>(entries.entrySet());
        byAge.sort(Comparator.comparingLong(entry -> entry.getValue().expiresAt()));
        entries.clear();
        for (int i = Math.max(0, byAge.size() - maxEntries); i < byAge.size(); i++) {
            entries.put(byAge.get(i).getKey(), byAge.get(i).getValue());
        }
    }

    private static boolean isFurther(Entry candidate, Entry known) {
        if (candidate.failed() != known.failed()) {
            return !candidate.failed();
        }
        if (candidate.recordsEmitted() != known.recordsEmitted()) {
            return candidate.recordsEmitted() > known.recordsEmitted();
        }
        return candidate.expiresAt() > known.expiresAt();
    }

    public synchronized List<Entry> snapshot(long nowMillis) {
        return snapshot(nowMillis, List.of());
    }

    /**
     * The entries to checkpoint: the remembered files, plus the files whose records are being
     * emitted at the checkpoint, as not read to their end. Those are not remembered here: once
     * their last record is emitted they are remembered as read.
     */
    public synchronized List<Entry> snapshot(long nowMillis, List<PartlyEmitted> partlyEmitted) {
        expire(nowMillis);
        LinkedHashMap<FileId, Entry> copy = new LinkedHashMap<>(entries);
        for (PartlyEmitted part : partlyEmitted) {
            S3ObjectRef file = part.file();
            copy.put(
                    new FileId(file.bucket(), file.key(), part.eTag()),
                    new Entry(
                            file.bucket(),
                            file.key(),
                            part.eTag(),
                            true,
                            part.recordsEmitted(),
                            nowMillis + ttlMillis));
        }
        return new ArrayList<>(copy.values());
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
