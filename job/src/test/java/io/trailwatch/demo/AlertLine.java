package io.trailwatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One alert as a subscriber of the topic receives it (the SNS envelope), in one readable line:
 * severity and pattern from the message attributes that subscription filter policies use, group,
 * first event time and event count from the alert JSON in {@code Message}.
 */
final class AlertLine {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final String severity;
    final String patternId;
    final String group;
    final String firstEventTime;
    final int count;

    /** The alert JSON (DESIGN §6) as published. */
    final String json;

    private AlertLine(
            String severity,
            String patternId,
            String group,
            String firstEventTime,
            int count,
            String json) {
        this.severity = severity;
        this.patternId = patternId;
        this.group = group;
        this.firstEventTime = firstEventTime;
        this.count = count;
        this.json = json;
    }

    static AlertLine of(JsonNode envelope) {
        String json = envelope.path("Message").asText();
        JsonNode alert;
        try {
            alert = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("an SNS message that is not an alert: " + json, e);
        }
        JsonNode attributes = envelope.path("MessageAttributes");
        return new AlertLine(
                attributes.path("severity").path("Value").asText("?"),
                attributes.path("patternId").path("Value").asText("?"),
                groupText(alert.path("group")),
                alert.path("firstEventTime").asText(),
                alert.path("count").asInt(),
                json);
    }

    private static String groupText(JsonNode group) {
        List<String> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = group.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String value = field.getValue().isNull() ? "(none)" : field.getValue().asText();
            parts.add(field.getKey() + "=" + value);
        }
        return String.join(", ", parts);
    }

    /**
     * e.g. {@code HIGH access-denied-burst group $.userIdentity.arn=… first event
     * 2023-07-10T12:01:55Z (10 events)}; single-event patterns have no group.
     */
    String text() {
        return String.format(
                "%-8s %-44s %sfirst event %s  (%d event%s)",
                severity.toUpperCase(Locale.ROOT),
                patternId,
                group.isEmpty() ? "" : "group " + group + "  ",
                firstEventTime,
                count,
                count == 1 ? "" : "s");
    }
}
