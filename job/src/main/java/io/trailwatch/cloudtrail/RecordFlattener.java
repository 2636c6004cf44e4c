package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns one JSON object, read token by token from a {@link JsonParser}, into a {@link
 * CloudTrailRecord}. Never builds a tree: each token becomes at most one entry.
 *
 * <p>Paths repeat from record to record ({@code userIdentity.arn} appears in every event), so a
 * flattener keeps a bounded cache of the path strings it has built and hands out the same instance
 * again: fewer allocations while parsing, and records held in state share their paths. A flattener
 * is not thread-safe; the path cache is per thread.
 */
public final class RecordFlattener {

    private static final JsonFactory JSON = new JsonFactory();

    private final CloudTrailRecord.Builder builder = CloudTrailRecord.builder();
    private PathCache paths = PathCache.forThisThread();
    private final int maxDepth;
    private final int maxEntries;

    /**
     * @param maxDepth deepest nesting accepted inside a record
     * @param maxEntries most entries one record may flatten to
     */
    public RecordFlattener(int maxDepth, int maxEntries) {
        this.maxDepth = maxDepth;
        this.maxEntries = maxEntries;
    }

    public RecordFlattener() {
        this(ReadLimits.DEFAULTS.maxDepth(), ReadLimits.DEFAULTS.maxEntriesPerRecord());
    }

    /** Flattens one JSON object given as text; for tests and inline pattern test events. */
    public static CloudTrailRecord flatten(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new RecordFormatException("a CloudTrail record must be a JSON object");
            }
            return new RecordFlattener().flatten(parser, "inline");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the object whose {@code START_OBJECT} is the parser's current token, leaving the parser
     * on its matching {@code END_OBJECT}.
     *
     * @throws RecordFormatException if the record is too large
     * @throws NestingTooDeepException if the record is nested too deeply
     */
    public CloudTrailRecord flatten(JsonParser parser, String origin) throws IOException {
        return flatten(parser, origin, 0);
    }

    /**
     * As {@link #flatten(JsonParser, String)}, for the record at position {@code sequence} of its
     * input (see {@link CloudTrailRecord#sequence()}).
     */
    public CloudTrailRecord flatten(JsonParser parser, String origin, long sequence)
            throws IOException {
        discardRecord();
        readObjectMembers(parser, "", 1);
        return builder.build(origin, sequence);
    }

    /**
     * Starts a record read member by member with {@link #readMember}, for callers that must look at
     * each top-level name first (a log file's {@code Records} key may turn up anywhere).
     */
    void discardRecord() {
        // Taken per record, so a flattener handed to another thread never shares a cache.
        paths = PathCache.forThisThread();
        builder.clear();
    }

    /**
     * Reads the value of the top-level member {@code name}; the parser's current token is its
     * {@code FIELD_NAME}, and is left on the value's last token.
     */
    void readMember(JsonParser parser, String name) throws IOException {
        readValue(parser, parser.nextToken(), paths.member("", name), 1);
    }

    /** Whether the record begun with {@link #discardRecord} has a top-level member {@code name}. */
    boolean hasMember(String name) {
        return builder.indexOf(name) >= 0;
    }

    /** Builds the record read member by member; the flattener is then ready for the next. */
    CloudTrailRecord finishRecord(String origin, long sequence) {
        return builder.build(origin, sequence);
    }

    private void readObjectMembers(JsonParser parser, String parent, int depth) throws IOException {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String path = paths.member(parent, parser.currentName());
            readValue(parser, parser.nextToken(), path, depth);
        }
        if (token != JsonToken.END_OBJECT) {
            throw new RecordFormatException("unexpected " + token + " inside an object");
        }
    }

    private void readArrayElements(JsonParser parser, String parent, int depth) throws IOException {
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new RecordFormatException("the input ends inside an array");
            }
            readValue(parser, token, paths.element(parent, index++), depth);
        }
    }

    private void readValue(JsonParser parser, JsonToken token, String path, int depth)
            throws IOException {
        if (builder.size() >= maxEntries) {
            throw new RecordFormatException(
                    "record has more than "
                            + maxEntries
                            + " fields; raise the entry limit to read it");
        }
        if (token == null) {
            throw new RecordFormatException("the input ends inside a record");
        }
        switch (token) {
            case START_OBJECT:
                checkDepth(depth, path);
                builder.add(path, FieldKind.OBJECT, null);
                readObjectMembers(parser, path, depth + 1);
                break;
            case START_ARRAY:
                checkDepth(depth, path);
                builder.add(path, FieldKind.ARRAY, null);
                readArrayElements(parser, path, depth + 1);
                break;
            case VALUE_STRING:
                builder.add(path, FieldKind.STRING, parser.getText());
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                builder.add(path, FieldKind.NUMBER, parser.getText());
                break;
            case VALUE_TRUE:
                builder.add(path, FieldKind.TRUE, "true");
                break;
            case VALUE_FALSE:
                builder.add(path, FieldKind.FALSE, "false");
                break;
            case VALUE_NULL:
                builder.add(path, FieldKind.NULL, null);
                break;
            default:
                // VALUE_EMBEDDED_OBJECT and friends never come from a text parser.
                builder.add(path, FieldKind.STRING, parser.getText());
        }
    }

    private void checkDepth(int depth, String path) {
        if (depth >= maxDepth) {
            throw new NestingTooDeepException(
                    "record is nested deeper than " + maxDepth + " levels at " + path);
        }
    }

    /**
     * A fixed-size open-addressing table from (parent path, member name or array index) to the
     * child's path string. Jackson hands out canonical field-name strings, so a hit costs two
     * reference comparisons and no character work; only a miss builds a string. Once full it stops
     * adding: paths with large array indexes are rare, and an unbounded cache would grow with
     * hostile input.
     */
    static final class PathCache {
        /** One per reading thread, so paths are shared across the files a thread reads. */
        private static final ThreadLocal<PathCache> PER_THREAD =
                ThreadLocal.withInitial(PathCache::new);

        private static final int CAPACITY = 1 << 14;
        private static final int MAX_SIZE = CAPACITY / 2;
        private static final int MAX_PROBES = 8;
        private static final int NO_INDEX = -1;

        private final String[] parents = new String[CAPACITY];
        private final String[] names = new String[CAPACITY];
        private final int[] indexes = new int[CAPACITY];
        private final String[] paths = new String[CAPACITY];
        private int size;

        static PathCache forThisThread() {
            return PER_THREAD.get();
        }

        /** The path of member {@code name} of the object at {@code parent} ("" for the root). */
        String member(String parent, String name) {
            int slot = slotOf(parent.hashCode() * 31 + name.hashCode());
            for (int probe = 0; probe < MAX_PROBES; probe++) {
                String path = paths[slot];
                if (path == null) {
                    return remember(slot, parent, name, NO_INDEX, memberPath(parent, name));
                }
                if (indexes[slot] == NO_INDEX
                        && name.equals(names[slot])
                        && parent.equals(parents[slot])) {
                    return path;
                }
                slot = (slot + 1) & (CAPACITY - 1);
            }
            return memberPath(parent, name);
        }

        /** The path of element {@code index} of the array at {@code parent}. */
        String element(String parent, int index) {
            int slot = slotOf(parent.hashCode() * 31 + index);
            for (int probe = 0; probe < MAX_PROBES; probe++) {
                String path = paths[slot];
                if (path == null) {
                    return remember(slot, parent, null, index, elementPath(parent, index));
                }
                if (indexes[slot] == index && parent.equals(parents[slot])) {
                    return path;
                }
                slot = (slot + 1) & (CAPACITY - 1);
            }
            return elementPath(parent, index);
        }

        private String remember(int slot, String parent, String name, int index, String path) {
            if (size >= MAX_SIZE) {
                return path;
            }
            // Interned, as compiled filter selectors are: a lookup by path then usually
            // compares equal strings by identity. The cache bounds how many are interned.
            String shared = path.intern();
            parents[slot] = parent;
            names[slot] = name;
            indexes[slot] = index;
            paths[slot] = shared;
            size++;
            return shared;
        }

        private static String memberPath(String parent, String name) {
            return parent.isEmpty() ? name : parent + '.' + name;
        }

        private static String elementPath(String parent, int index) {
            return parent + '[' + index + ']';
        }

        private static int slotOf(int hash) {
            return (hash ^ (hash >>> 16)) & (CAPACITY - 1);
        }
    }
}
