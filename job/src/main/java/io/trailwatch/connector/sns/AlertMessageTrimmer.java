package io.trailwatch.connector.sns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertJson;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Fits an alert's JSON into SNS's message size limit without breaking it. Events are dropped from
 * the end first (then, for alerts of very many events, event ids), and the message says so with
 * {@code "truncated": true, "eventsOmitted": N} (and {@code "eventIdsOmitted": M}). The full alert
 * is archived elsewhere; {@code count} keeps the true number of events.
 */
final class AlertMessageTrimmer {

    static final String TRUNCATED = "truncated";
    static final String EVENTS_OMITTED = "eventsOmitted";
    static final String EVENT_IDS_OMITTED = "eventIdsOmitted";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AlertMessageTrimmer() {}

    /**
     * The alert's JSON in at most {@code maxBytes} UTF-8 bytes.
     *
     * @throws IllegalArgumentException if even the alert without events and event ids is larger
     */
    static String fit(Alert alert, long maxBytes) {
        String full = AlertJson.toJson(alert);
        if (SnsPublishEntry.utf8Length(full) <= maxBytes) {
            return full;
        }
        ObjectNode node = readObject(full);
        ArrayNode events = (ArrayNode) node.get("events");
        ArrayNode eventIds = (ArrayNode) node.get("eventIds");
        int allEvents = events.size();
        int allIds = eventIds.size();

        int keptEvents =
                largestFitting(
                        allEvents,
                        k -> fits(trimmed(node, k, allEvents, allIds, allIds), maxBytes));
        if (keptEvents >= 0) {
            return trimmed(node, keptEvents, allEvents, allIds, allIds);
        }
        int keptIds =
                largestFitting(allIds, j -> fits(trimmed(node, 0, allEvents, j, allIds), maxBytes));
        if (keptIds >= 0) {
            return trimmed(node, 0, allEvents, keptIds, allIds);
        }
        throw new IllegalArgumentException(
                "alert "
                        + alert.alertId
                        + " of pattern "
                        + alert.patternId
                        + " does not fit in "
                        + maxBytes
                        + " bytes even without its events and event ids;"
                        + " shorten the pattern's title or group values");
    }

    /** The largest n in [0, max] that fits (sizes grow with n), or -1 if none does. */
    private static int largestFitting(int max, IntPredicate fitsWith) {
        if (!fitsWith.test(0)) {
            return -1;
        }
        int low = 0; // fits
        int high = max; // unknown; max itself did not fit when called for events
        while (low < high) {
            int middle = low + (high - low + 1) / 2;
            if (fitsWith.test(middle)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /**
     * The alert with its first {@code events} events and {@code ids} event ids, field order kept.
     */
    private static String trimmed(
            ObjectNode alert, int events, int allEvents, int ids, int allIds) {
        ObjectNode copy = MAPPER.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = alert.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            switch (field.getKey()) {
                case "events":
                    copy.set("events", prefix((ArrayNode) field.getValue(), events));
                    break;
                case "eventIds":
                    copy.set("eventIds", prefix((ArrayNode) field.getValue(), ids));
                    break;
                default:
                    copy.set(field.getKey(), field.getValue());
            }
        }
        copy.put(TRUNCATED, true);
        copy.put(EVENTS_OMITTED, allEvents - events);
        if (ids < allIds) {
            copy.put(EVENT_IDS_OMITTED, allIds - ids);
        }
        try {
            return MAPPER.writeValueAsString(copy);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ArrayNode prefix(ArrayNode array, int length) {
        ArrayNode prefix = MAPPER.createArrayNode();
        for (int i = 0; i < length; i++) {
            prefix.add(array.get(i));
        }
        return prefix;
    }

    private static boolean fits(String json, long maxBytes) {
        return SnsPublishEntry.utf8Length(json) <= maxBytes;
    }

    private static ObjectNode readObject(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("AlertJson wrote invalid JSON", e);
        }
    }
}
