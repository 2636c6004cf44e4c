package io.trailwatch.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordFlattener;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Real CloudTrail records by name, from {@code filter/cloudtrail-samples.json}. */
final class SampleRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode SAMPLES = load();

    private SampleRecords() {}

    static CloudTrailRecord sample(String name) {
        return RecordFlattener.flatten(json(name));
    }

    /** The record's JSON text, for tests that derive a variant of a real record. */
    static String json(String name) {
        JsonNode sample = SAMPLES.get(name);
        if (sample == null) {
            throw new IllegalArgumentException("no sample record named " + name);
        }
        return sample.get("record").toString();
    }

    private static JsonNode load() {
        try (InputStream in =
                SampleRecords.class.getResourceAsStream("/filter/cloudtrail-samples.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
