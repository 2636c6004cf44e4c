package io.trailwatch.cloudtrail;

import java.util.Arrays;
import java.util.Objects;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * One CloudTrail event, flattened once at parse time into its entries in document order. Each entry
 * has a selector path in the filter-pattern form without the leading {@code $.} ({@code
 * userIdentity.type}, {@code resources[0].ARN}), a {@link FieldKind} and, for scalars, the value's
 * text. Objects and arrays have entries of their own, so conditions can tell "absent" from "is an
 * object", and the nested JSON can be written back out.
 *
 * <p>Conditions look values up by path without re-parsing JSON; the lookup table is built lazily on
 * first use and is not serialized.
 *
 * <p>A record read back from its serialized form ({@link CompactRecordCodec}) keeps those bytes and
 * decodes each value only when it is first asked for, and is written out again as the same bytes.
 * Records that cross a shuffle and a batch sort are read and written several times while only a few
 * of their values (group, distinct field, id) are ever looked at; most are never decoded. The
 * decoded values are cached without a lock: two threads that decode the same value store equal
 * strings, and a snapshot of heap state only writes the bytes, which never change.
 */
@TypeInfo(CloudTrailRecordTypeInfoFactory.class)
public final class CloudTrailRecord {

    /** Marks a value of an encoded record not decoded yet; compared by identity. */
    private static final String UNDECODED = new String("<undecoded>");

    private final String[] paths;
    private final FieldKind[] kinds;
    private final String[] values;
    private final long eventTimeMillis;
    private String origin;
    private final long sequence;

    /**
     * The record's format-2 bytes if it was read from them, else null; {@link #valueAt} and {@link
     * #originAt} point into them.
     */
    private final byte[] encoded;

    private final int[] valueAt;
    private final int originAt;

    /** Open-addressing table from path hash to entry index + 1; built on first lookup. */
    private transient int[] lookup;

    CloudTrailRecord(
            String[] paths,
            FieldKind[] kinds,
            String[] values,
            long eventTimeMillis,
            String origin,
            long sequence) {
        this.paths = paths;
        this.kinds = kinds;
        this.values = values;
        this.eventTimeMillis = eventTimeMillis;
        this.origin = origin;
        this.sequence = sequence;
        this.encoded = null;
        this.valueAt = null;
        this.originAt = -1;
    }

    /**
     * A record over its format-2 bytes, whose structure {@link CompactRecordCodec} has checked:
     * paths and kinds are known, values and origin are decoded on demand from their offsets.
     */
    CloudTrailRecord(
            byte[] encoded,
            int originAt,
            long eventTimeMillis,
            long sequence,
            String[] paths,
            FieldKind[] kinds,
            int[] valueAt) {
        this.encoded = encoded;
        this.originAt = originAt;
        this.eventTimeMillis = eventTimeMillis;
        this.sequence = sequence;
        this.paths = paths;
        this.kinds = kinds;
        this.valueAt = valueAt;
        this.values = new String[paths.length];
        Arrays.fill(values, UNDECODED);
        this.origin = UNDECODED;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Number of flattened entries. */
    public int size() {
        return paths.length;
    }

    public String path(int index) {
        return paths[index];
    }

    public FieldKind kind(int index) {
        return kinds[index];
    }

    /** The text of a scalar entry; {@code null} for JSON null, objects and arrays. */
    public String value(int index) {
        String value = values[index];
        if (value == UNDECODED) {
            value = CompactRecordCodec.stringAt(encoded, valueAt[index]);
            values[index] = value;
        }
        return value;
    }

    /** The format-2 bytes this record was read from, or null if it was built otherwise. */
    byte[] encoded() {
        return encoded;
    }

    /** Event time in epoch milliseconds, or {@link EventTimes#INVALID} if missing or malformed. */
    public long eventTimeMillis() {
        return eventTimeMillis;
    }

    public boolean hasValidEventTime() {
        return eventTimeMillis != EventTimes.INVALID;
    }

    /** Where the record came from ({@code s3://bucket/key} or a local path), for messages. */
    public String origin() {
        String text = origin;
        if (text == UNDECODED) {
            text = CompactRecordCodec.stringAt(encoded, originAt);
            origin = text;
        }
        return text;
    }

    /**
     * Position of the record in its input (its index within the origin file), so that events with
     * equal {@code eventTime} can be kept in input order after a shuffle.
     */
    public long sequence() {
        return sequence;
    }

    /** Index of the entry at {@code path}, or -1 if the record has no such entry. */
    public int indexOf(String path) {
        int[] table = lookup;
        if (table == null) {
            table = buildLookup();
            lookup = table;
        }
        int mask = table.length - 1;
        int slot = spread(path.hashCode()) & mask;
        while (true) {
            int entry = table[slot];
            if (entry == 0) {
                return -1;
            }
            if (paths[entry - 1].equals(path)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The scalar text at {@code path}; {@code null} if absent, JSON null, object or array. */
    public String get(String path) {
        int index = indexOf(path);
        return index < 0 ? null : value(index);
    }

    public String eventId() {
        return get("eventID");
    }

    public String eventName() {
        return get("eventName");
    }

    public String eventSource() {
        return get("eventSource");
    }

    public String awsRegion() {
        return get("awsRegion");
    }

    public String recipientAccountId() {
        return get("recipientAccountId");
    }

    public String sourceIpAddress() {
        return get("sourceIPAddress");
    }

    public String errorCode() {
        return get("errorCode");
    }

    private int[] buildLookup() {
        int capacity = Integer.highestOneBit(Math.max(4, paths.length) * 2 + 1) << 1;
        int[] table = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < paths.length; i++) {
            int slot = spread(paths[i].hashCode()) & mask;
            while (table[slot] != 0) {
                if (paths[table[slot] - 1].equals(paths[i])) {
                    break; // a duplicate key: the first occurrence wins, as in most JSON readers
                }
                slot = (slot + 1) & mask;
            }
            if (table[slot] == 0) {
                table[slot] = i + 1;
            }
        }
        return table;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CloudTrailRecord)) {
            return false;
        }
        CloudTrailRecord other = (CloudTrailRecord) o;
        if (eventTimeMillis != other.eventTimeMillis
                || sequence != other.sequence
                || !Objects.equals(origin(), other.origin())
                || !Arrays.equals(paths, other.paths)
                || !Arrays.equals(kinds, other.kinds)) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!Objects.equals(value(i), other.value(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int valuesHash = 1;
        for (int i = 0; i < values.length; i++) {
            valuesHash = 31 * valuesHash + Objects.hashCode(value(i));
        }
        return Objects.hash(eventTimeMillis, origin(), Arrays.hashCode(paths), valuesHash);
    }

    @Override
    public String toString() {
        return RecordJson.toJson(this);
    }

    /** Collects entries in document order. Not thread-safe; reusable after {@link #build}. */
    public static final class Builder {
        private String[] paths = new String[64];
        private FieldKind[] kinds = new FieldKind[64];
        private String[] values = new String[64];
        private int size;

        public Builder add(String path, FieldKind kind, String value) {
            if (size == paths.length) {
                int capacity = size * 2;
                paths = Arrays.copyOf(paths, capacity);
                kinds = Arrays.copyOf(kinds, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            paths[size] = path;
            kinds[size] = kind;
            values[size] = value;
            size++;
            return this;
        }

        public int size() {
            return size;
        }

        /** Index of the first entry at {@code path} collected so far, or -1. */
        int indexOf(String path) {
            for (int i = 0; i < size; i++) {
                if (paths[i].equals(path)) {
                    return i;
                }
            }
            return -1;
        }

        /** Drops the entries collected so far. */
        public void clear() {
            Arrays.fill(values, 0, size, null);
            size = 0;
        }

        /**
         * Builds the record; the event time is read from the top-level {@code eventTime} entry. The
         * builder is reset and can be reused.
         */
        public CloudTrailRecord build(String origin) {
            return build(origin, 0);
        }

        /**
         * Builds the record with its position in the input; see {@link CloudTrailRecord#sequence}.
         */
        public CloudTrailRecord build(String origin, long sequence) {
            long eventTime = EventTimes.INVALID;
            for (int i = 0; i < size; i++) {
                if (kinds[i] == FieldKind.STRING && "eventTime".equals(paths[i])) {
                    eventTime = EventTimes.parse(values[i]);
                    break;
                }
            }
            CloudTrailRecord record =
                    new CloudTrailRecord(
                            Arrays.copyOf(paths, size),
                            Arrays.copyOf(kinds, size),
                            Arrays.copyOf(values, size),
                            eventTime,
                            origin,
                            sequence);
            Arrays.fill(values, 0, size, null);
            size = 0;
            return record;
        }
    }
}
