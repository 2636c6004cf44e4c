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
    private final StringBuilder path = new StringBuilder(128);
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
        discardRecord();
        readObjectMembers(parser, 1);
        return builder.build(origin);
    }

    /**
     * Starts a record read member by member with {@link #readMember}, for callers that must look at
     * each top-level name first (a log file's {@code Records} key may turn up anywhere).
     */
    void discardRecord() {
        // Taken per record, so a flattener handed to another thread never shares a cache.
        paths = PathCache.forThisThread();
        path.setLength(0);
        builder.clear();
    }

    /**
     * Reads the value of the top-level member {@code name}; the parser's current token is its
     * {@code FIELD_NAME}, and is left on the value's last token.
     */
    void readMember(JsonParser parser, String name) throws IOException {
        path.setLength(0);
        path.append(name);
        readValue(parser, parser.nextToken(), 1);
        path.setLength(0);
    }

    /** Whether the record begun with {@link #discardRecord} has a top-level member {@code name}. */
    boolean hasMember(String name) {
        return builder.indexOf(name) >= 0;
    }

    /** Builds the record read member by member; the flattener is then ready for the next. */
    CloudTrailRecord finishRecord(String origin) {
        return builder.build(origin);
    }

    private void readObjectMembers(JsonParser parser, int depth) throws IOException {
        int base = path.length();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            path.setLength(base);
            if (base > 0) {
                path.append('.');
            }
            path.append(parser.currentName());
            readValue(parser, parser.nextToken(), depth);
        }
        path.setLength(base);
        if (token != JsonToken.END_OBJECT) {
            throw new RecordFormatException("unexpected " + token + " inside an object");
        }
    }

    private void readArrayElements(JsonParser parser, int depth) throws IOException {
        int base = path.length();
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new RecordFormatException("the input ends inside an array");
            }
            path.setLength(base);
            path.append('[').append(index++).append(']');
            readValue(parser, token, depth);
        }
        path.setLength(base);
    }

    private void readValue(JsonParser parser, JsonToken token, int depth) throws IOException {
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
                checkDepth(depth);
                builder.add(paths.get(path), FieldKind.OBJECT, null);
                readObjectMembers(parser, depth + 1);
                break;
            case START_ARRAY:
                checkDepth(depth);
                builder.add(paths.get(path), FieldKind.ARRAY, null);
                readArrayElements(parser, depth + 1);
                break;
            case VALUE_STRING:
                builder.add(paths.get(path), FieldKind.STRING, parser.getText());
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                builder.add(paths.get(path), FieldKind.NUMBER, parser.getText());
                break;
            case VALUE_TRUE:
                builder.add(paths.get(path), FieldKind.TRUE, "true");
                break;
            case VALUE_FALSE:
                builder.add(paths.get(path), FieldKind.FALSE, "false");
                break;
            case VALUE_NULL:
                builder.add(paths.get(path), FieldKind.NULL, null);
                break;
            default:
                // VALUE_EMBEDDED_OBJECT and friends never come from a text parser.
                builder.add(paths.get(path), FieldKind.STRING, parser.getText());
        }
    }

    private void checkDepth(int depth) {
        if (depth >= maxDepth) {
            throw new NestingTooDeepException(
                    "record is nested deeper than " + maxDepth + " levels at " + path);
        }
    }

    /**
     * A fixed-size open-addressing table of path strings, looked up by the builder's content
     * without creating a string. Once full it stops adding: paths with large array indexes are
     * rare, and an unbounded cache would grow with hostile input.
     */
    static final class PathCache {
        /** One per reading thread, so paths are shared across the files a thread reads. */
        private static final ThreadLocal<PathCache> PER_THREAD =
                ThreadLocal.withInitial(PathCache::new);

        private static final int CAPACITY = 1 << 13;
        private static final int MAX_SIZE = CAPACITY / 2;
        private static final int MAX_PROBES = 8;

        private final String[] table = new String[CAPACITY];
        private int size;

        static PathCache forThisThread() {
            return PER_THREAD.get();
        }

        String get(StringBuilder text) {
            int length = text.length();
            int hash = 0;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + text.charAt(i);
            }
            int slot = (hash ^ (hash >>> 16)) & (CAPACITY - 1);
            for (int probe = 0; probe < MAX_PROBES; probe++) {
                String cached = table[slot];
                if (cached == null) {
                    String created = text.toString();
                    if (size < MAX_SIZE) {
                        table[slot] = created;
                        size++;
                    }
                    return created;
                }
                // String.hashCode is the same polynomial, and cached inside the string.
                if (cached.hashCode() == hash && cached.contentEquals(text)) {
                    return cached;
                }
                slot = (slot + 1) & (CAPACITY - 1);
            }
            return text.toString();
        }
    }
}
