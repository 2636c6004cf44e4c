package io.trailwatch.aggregate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** The JSON form of an {@link AggregateRow}: one object per line, every field always present. */
public final class AggregateJson {

    /** The fields of every line, in order; the Athena DDL declares exactly these columns. */
    public static final List<String> FIELDS =
            List.of(
                    "granularity",
                    "windowStart",
                    "windowEnd",
                    "dimension",
                    "value",
                    "events",
                    "errors",
                    "distinctEventNames",
                    "distinctSourceIps",
                    "late");

    private static final JsonFactory JSON = new JsonFactory();

    private AggregateJson() {}

    public static String toJson(AggregateRow row) {
        StringWriter out = new StringWriter(192);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("granularity", row.granularity);
            json.writeStringField(
                    "windowStart", Instant.ofEpochMilli(row.windowStartMillis).toString());
            json.writeStringField(
                    "windowEnd", Instant.ofEpochMilli(row.windowEndMillis).toString());
            json.writeStringField("dimension", row.dimension);
            json.writeStringField("value", row.value);
            json.writeNumberField("events", row.events);
            json.writeNumberField("errors", row.errors);
            writeNullableNumber(json, "distinctEventNames", row.distinctEventNames);
            writeNullableNumber(json, "distinctSourceIps", row.distinctSourceIps);
            json.writeBooleanField("late", row.late);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeNullableNumber(JsonGenerator json, String field, Long value)
            throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeNumberField(field, value);
        }
    }
}
