package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Turns one JSON object, read token by token from a {@link JsonParser}, into a {@link
 * CloudTrailRecord}. Never builds a tree: each token becomes at most one entry.
 *
 * <p>Paths repeat from record to record ({@code userIdentity.arn} appears in every event), so a
 * flattener walks a bounded {@link PathTree} of the paths it has built and hands out the same
 * instance again: no string work per entry, and records held in state share their paths. A
 * flattener is not thread-safe; the path tree is per thread.
 */
public final class RecordFlattener {

    private static final JsonFactory JSON = new JsonFactory();

    private final Entries entries = new Entries();
    private PathTree paths = PathTree.forThisThread();

    /** Entry index of each {@link PathTree.TopLevel} member in the current record, or -1. */
    private final int[] topLevelIndexes = new int[PathTree.TopLevel.ALL.length];

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
        readObjectMembers(parser, paths.root, 1);
        return entries.build(origin, sequence);
    }

    /**
     * Starts a record read member by member with {@link #readMember}, for callers that must look at
     * each top-level name first (a log file's {@code Records} key may turn up anywhere).
     */
    void discardRecord() {
        // Taken per record, so a flattener handed to another thread never shares a cache.
        paths = PathTree.forThisThread();
        entries.clear();
        Arrays.fill(topLevelIndexes, -1);
    }

    /**
     * Reads the value of the top-level member {@code name}; the parser's current token is its
     * {@code FIELD_NAME}, and is left on the value's last token.
     */
    void readMember(JsonParser parser, String name) throws IOException {
        readValue(parser, parser.nextToken(), paths.root.member(name), 1);
    }

    /** Whether the record begun with {@link #discardRecord} has a top-level member {@code name}. */
    boolean hasMember(String name) {
        return entries.indexOf(name) >= 0;
    }

    /**
     * The entry index of the first top-level member {@code field} in the record flattened last, or
     * -1: what a reader checks in every record, without a scan over its entries.
     */
    int topLevelIndex(PathTree.TopLevel field) {
        return topLevelIndexes[field.ordinal()];
    }

    /** Builds the record read member by member; the flattener is then ready for the next. */
    CloudTrailRecord finishRecord(String origin, long sequence) {
        return entries.build(origin, sequence);
    }

    private void readObjectMembers(JsonParser parser, PathTree.Node parent, int depth)
            throws IOException {
        // Records of one kind list their members in the same order, so the member that followed
        // last time is matched in place against the input's bytes, without Jackson's symbol
        // table; any other name is read as usual.
        PathTree.Node member = null;
        while (true) {
            PathTree.Node expected = parent.expectedAfter(member);
            String name;
            if (expected != null) {
                if (parser.nextFieldName(expected.quotedName)) {
                    member = expected;
                    readValue(parser, parser.nextToken(), member, depth);
                    continue;
                }
                if (parser.currentToken() != JsonToken.FIELD_NAME) {
                    break;
                }
                name = parser.currentName();
            } else {
                name = parser.nextFieldName();
                if (name == null) {
                    break;
                }
            }
            member = parent.memberAfter(member, name);
            readValue(parser, parser.nextToken(), member, depth);
        }
        JsonToken token = parser.currentToken();
        if (token != JsonToken.END_OBJECT) {
            throw new RecordFormatException("unexpected " + token + " inside an object");
        }
    }

    private void readArrayElements(JsonParser parser, PathTree.Node parent, int depth)
            throws IOException {
        int index = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new RecordFormatException("the input ends inside an array");
            }
            readValue(parser, token, parent.element(index++), depth);
        }
    }

    private void readValue(JsonParser parser, JsonToken token, PathTree.Node node, int depth)
            throws IOException {
        int index = entries.size();
        if (index >= maxEntries) {
            throw new RecordFormatException(
                    "record has more than "
                            + maxEntries
                            + " fields; raise the entry limit to read it");
        }
        if (token == null) {
            throw new RecordFormatException("the input ends inside a record");
        }
        if (node.topLevel != null && topLevelIndexes[node.topLevel.ordinal()] < 0) {
            topLevelIndexes[node.topLevel.ordinal()] = index;
        }
        String path = node.path;
        switch (token) {
            case START_OBJECT:
                checkDepth(depth, path);
                entries.add(path, FieldKind.OBJECT, null);
                readObjectMembers(parser, node, depth + 1);
                break;
            case START_ARRAY:
                checkDepth(depth, path);
                entries.add(path, FieldKind.ARRAY, null);
                readArrayElements(parser, node, depth + 1);
                break;
            case VALUE_STRING:
                if (node.topLevel == PathTree.TopLevel.EVENT_TIME) {
                    entries.noteEventTime(index);
                }
                entries.add(path, FieldKind.STRING, parser.getText());
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                entries.add(path, FieldKind.NUMBER, parser.getText());
                break;
            case VALUE_TRUE:
                entries.add(path, FieldKind.TRUE, "true");
                break;
            case VALUE_FALSE:
                entries.add(path, FieldKind.FALSE, "false");
                break;
            case VALUE_NULL:
                entries.add(path, FieldKind.NULL, null);
                break;
            default:
                // VALUE_EMBEDDED_OBJECT and friends never come from a text parser.
                entries.add(path, FieldKind.STRING, parser.getText());
        }
    }

    private void checkDepth(int depth, String path) {
        if (depth >= maxDepth) {
            throw new NestingTooDeepException(
                    "record is nested deeper than " + maxDepth + " levels at " + path);
        }
    }

    /**
     * The entries of the record being read. Like {@link CloudTrailRecord.Builder}, less the work a
     * flattener does not need per record: the event time's entry is noted while reading rather than
     * searched for, and the arrays are not cleared between records (a flattener reads one file and
     * is dropped with it, so it keeps no strings alive for long).
     */
    private static final class Entries {
        private String[] paths = new String[64];
        private FieldKind[] kinds = new FieldKind[64];
        private String[] values = new String[64];
        private int size;

        /** The first top-level {@code eventTime} entry that is a string, or -1. */
        private int eventTimeIndex = -1;

        void add(String path, FieldKind kind, String value) {
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
        }

        void noteEventTime(int index) {
            if (eventTimeIndex < 0) {
                eventTimeIndex = index;
            }
        }

        int size() {
            return size;
        }

        int indexOf(String path) {
            for (int i = 0; i < size; i++) {
                if (paths[i].equals(path)) {
                    return i;
                }
            }
            return -1;
        }

        void clear() {
            size = 0;
            eventTimeIndex = -1;
        }

        CloudTrailRecord build(String origin, long sequence) {
            long eventTime =
                    eventTimeIndex >= 0
                            ? EventTimes.parse(values[eventTimeIndex])
                            : EventTimes.INVALID;
            CloudTrailRecord record =
                    new CloudTrailRecord(
                            Arrays.copyOf(paths, size),
                            Arrays.copyOf(kinds, size),
                            Arrays.copyOf(values, size),
                            eventTime,
                            origin,
                            sequence);
            clear();
            return record;
        }
    }
}
