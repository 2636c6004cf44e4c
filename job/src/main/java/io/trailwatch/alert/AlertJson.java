package io.trailwatch.alert;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The JSON form of an alert (DESIGN §6): one object, written as one line. */
public final class AlertJson {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertJson() {}

    public static String toJson(Alert alert) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("alertId", alert.alertId);
            json.writeStringField("patternId", alert.patternId);
            json.writeStringField("title", alert.title);
            json.writeStringField("severity", alert.severity);
            json.writeObjectFieldStart("group");
            for (int i = 0; i < alert.groupKeys.length; i++) {
                json.writeStringField(alert.groupKeys[i], alert.groupValues[i]);
            }
            json.writeEndObject();
            json.writeNumberField("count", alert.count);
            json.writeStringField("firstEventTime", alert.firstEventTime);
            json.writeStringField("lastEventTime", alert.lastEventTime);
            json.writeArrayFieldStart("eventIds");
            for (String id : alert.eventIds) {
                json.writeString(id);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("events");
            for (String event : alert.events) {
                json.writeRawValue(event);
            }
            json.writeEndArray();
            json.writeStringField("detectedAt", alert.detectedAt);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The fields of an event an alert carries ({@link AlertFactory#EVENT_FIELDS}), as JSON. */
    static String eventSummary(CloudTrailRecord event) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            RecordJson.writeFields(event, json, AlertFactory.EVENT_FIELDS);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * Reads an alert back from its JSON form; for consumers and tests.
     *
     * @throws IllegalArgumentException if the text is not an alert object
     */
    public static Alert parse(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an alert must be a JSON object");
        }
        Alert alert = new Alert();
        alert.alertId = required(node, "alertId");
        alert.patternId = required(node, "patternId");
        alert.title = required(node, "title");
        alert.severity = required(node, "severity");
        List<String> keys = new ArrayList<>();
        List<String> values = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> group = node.path("group").fields();
        while (group.hasNext()) {
            Map.Entry<String, JsonNode> entry = group.next();
            keys.add(entry.getKey());
            values.add(entry.getValue().isNull() ? null : entry.getValue().asText());
        }
        alert.groupKeys = keys.toArray(new String[0]);
        alert.groupValues = values.toArray(new String[0]);
        alert.count = node.path("count").asInt();
        alert.firstEventTime = required(node, "firstEventTime");
        alert.lastEventTime = required(node, "lastEventTime");
        alert.firstEventTimeMillis = Instant.parse(alert.firstEventTime).toEpochMilli();
        List<String> ids = new ArrayList<>();
        node.path("eventIds").forEach(id -> ids.add(id.asText()));
        alert.eventIds = ids.toArray(new String[0]);
        List<String> events = new ArrayList<>();
        node.path("events").forEach(event -> events.add(event.toString()));
        alert.events = events.toArray(new String[0]);
        alert.detectedAt = required(node, "detectedAt");
        return alert;
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("alert has no " + field);
        }
        return value.asText();
    }
}
