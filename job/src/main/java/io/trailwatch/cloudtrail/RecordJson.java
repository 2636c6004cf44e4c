package io.trailwatch.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Set;

/** Writes a flattened record (or some of its top-level fields) back out as nested JSON. */
public final class RecordJson {

    private static final JsonFactory JSON = new JsonFactory();

    private RecordJson() {}

    public static String toJson(CloudTrailRecord record) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            generator.writeStartObject();
            writeFields(record, generator, null);
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Writes the record's top-level fields as members of the object the generator is in.
     *
     * @param topLevel the top-level field names to write, or {@code null} for all
     */
    public static void writeFields(
            CloudTrailRecord record, JsonGenerator generator, Set<String> topLevel)
            throws IOException {
        ArrayDeque<Container> open = new ArrayDeque<>();
        for (int i = 0; i < record.size(); i++) {
            String path = record.path(i);
            while (!open.isEmpty() && !open.peek().contains(path)) {
                closeContainer(generator, open.pop());
            }
            String name;
            if (open.isEmpty()) {
                name = path;
                if (topLevel != null && !topLevel.contains(name)) {
                    i = skipChildren(record, i);
                    continue;
                }
            } else {
                Container parent = open.peek();
                name = parent.array ? null : path.substring(parent.path.length() + 1);
            }
            if (name != null) {
                generator.writeFieldName(name);
            }
            writeEntry(record, i, generator, open);
        }
        while (!open.isEmpty()) {
            closeContainer(generator, open.pop());
        }
    }

    private static void writeEntry(
            CloudTrailRecord record, int i, JsonGenerator generator, ArrayDeque<Container> open)
            throws IOException {
        String value = record.value(i);
        switch (record.kind(i)) {
            case OBJECT:
                generator.writeStartObject();
                open.push(new Container(record.path(i), false));
                break;
            case ARRAY:
                generator.writeStartArray();
                open.push(new Container(record.path(i), true));
                break;
            case STRING:
                generator.writeString(value);
                break;
            case NUMBER:
                generator.writeNumber(value);
                break;
            case TRUE:
                generator.writeBoolean(true);
                break;
            case FALSE:
                generator.writeBoolean(false);
                break;
            default:
                generator.writeNull();
        }
    }

    private static int skipChildren(CloudTrailRecord record, int i) {
        if (record.kind(i).isScalar()) {
            return i;
        }
        Container skipped = new Container(record.path(i), record.kind(i) == FieldKind.ARRAY);
        while (i + 1 < record.size() && skipped.contains(record.path(i + 1))) {
            i++;
        }
        return i;
    }

    private static void closeContainer(JsonGenerator generator, Container container)
            throws IOException {
        if (container.array) {
            generator.writeEndArray();
        } else {
            generator.writeEndObject();
        }
    }

    private static final class Container {
        final String path;
        final boolean array;

        Container(String path, boolean array) {
            this.path = path;
            this.array = array;
        }

        boolean contains(String child) {
            int n = path.length();
            return child.length() > n
                    && child.startsWith(path)
                    && child.charAt(n) == (array ? '[' : '.');
        }
    }
}
