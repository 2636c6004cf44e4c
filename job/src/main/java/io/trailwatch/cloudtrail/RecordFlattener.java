package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Turns one JSON object, read token by token from a {@link JsonParser}, into a {@link
 * CloudTrailRecord}. Never builds a tree: each token becomes at most one entry.
 */
public final class RecordFlattener {

    private static final JsonFactory JSON = new JsonFactory();

    private final CloudTrailRecord.Builder builder = CloudTrailRecord.builder();
    private final StringBuilder path = new StringBuilder(128);
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
        this(64, 100_000);
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
     * @throws RecordFormatException if the record is nested too deeply or too large
     */
    public CloudTrailRecord flatten(JsonParser parser, String origin) throws IOException {
        path.setLength(0);
        readObjectMembers(parser, 1);
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
                builder.add(path.toString(), FieldKind.OBJECT, null);
                readObjectMembers(parser, depth + 1);
                break;
            case START_ARRAY:
                checkDepth(depth);
                builder.add(path.toString(), FieldKind.ARRAY, null);
                readArrayElements(parser, depth + 1);
                break;
            case VALUE_STRING:
                builder.add(path.toString(), FieldKind.STRING, parser.getText());
                break;
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                builder.add(path.toString(), FieldKind.NUMBER, parser.getText());
                break;
            case VALUE_TRUE:
                builder.add(path.toString(), FieldKind.TRUE, "true");
                break;
            case VALUE_FALSE:
                builder.add(path.toString(), FieldKind.FALSE, "false");
                break;
            case VALUE_NULL:
                builder.add(path.toString(), FieldKind.NULL, null);
                break;
            default:
                // VALUE_EMBEDDED_OBJECT and friends never come from a text parser.
                builder.add(path.toString(), FieldKind.STRING, parser.getText());
        }
    }

    private void checkDepth(int depth) {
        if (depth >= maxDepth) {
            throw new RecordFormatException(
                    "record is nested deeper than " + maxDepth + " levels at " + path);
        }
    }
}
