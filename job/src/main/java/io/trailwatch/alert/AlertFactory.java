package io.trailwatch.alert;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordJson;
import io.trailwatch.pattern.PatternDefinition;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** Builds {@link Alert}s from a pattern, its group and the events that matched. */
public final class AlertFactory implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The fields of each matched event that an alert carries (DESIGN §6, plus triage context). */
    public static final Set<String> EVENT_FIELDS =
            Set.of(
                    "eventID",
                    "eventTime",
                    "eventSource",
                    "eventName",
                    "awsRegion",
                    "recipientAccountId",
                    "sourceIPAddress",
                    "userAgent",
                    "userIdentity",
                    "errorCode",
                    "errorMessage",
                    "requestParameters",
                    "resources");

    private final Clock clock;

    public AlertFactory() {
        this(Clock.systemUTC());
    }

    public AlertFactory(Clock clock) {
        this.clock = clock;
    }

    /** An alert for a single-event pattern: its group is empty. */
    public Alert single(PatternDefinition pattern, CloudTrailRecord event) {
        return create(pattern, List.of(), new String[0], List.of(event));
    }

    /**
     * An alert for matched events of one group.
     *
     * @param groupValues the group's values, parallel to {@code groupKeys}; elements may be null
     * @param events the matched events in event-time order; never empty
     */
    public Alert create(
            PatternDefinition pattern,
            List<String> groupKeys,
            String[] groupValues,
            List<CloudTrailRecord> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one event");
        }
        Alert alert = new Alert();
        alert.patternId = pattern.id();
        alert.title = pattern.title();
        alert.severity = pattern.severity().label();
        alert.groupKeys = groupKeys.toArray(new String[0]);
        alert.groupValues = groupValues.clone();
        alert.count = events.size();
        alert.eventIds = new String[events.size()];
        alert.events = new String[events.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            CloudTrailRecord event = events.get(i);
            alert.eventIds[i] = eventId(event);
            alert.events[i] = AlertJson.eventSummary(event);
            first = Math.min(first, event.eventTimeMillis());
            last = Math.max(last, event.eventTimeMillis());
        }
        alert.firstEventTimeMillis = first;
        alert.firstEventTime = Instant.ofEpochMilli(first).toString();
        alert.lastEventTime = Instant.ofEpochMilli(last).toString();
        alert.detectedAt = clock.instant().toString();
        alert.alertId =
                alertId(alert.patternId, alert.groupKeys, alert.groupValues, alert.eventIds);
        return alert;
    }

    /**
     * The event's {@code eventID}; a record without one (hand-written test data) gets a stable id
     * derived from its content, so that alert ids stay deterministic.
     */
    public static String eventId(CloudTrailRecord event) {
        String id = event.eventId();
        return id != null ? id : "sha256:" + sha256(RecordJson.toJson(event)).substring(0, 32);
    }

    /** SHA-256 over pattern id, group and event ids, each separated so no two inputs collide. */
    public static String alertId(
            String patternId, String[] groupKeys, String[] groupValues, String[] eventIds) {
        StringBuilder text = new StringBuilder(patternId);
        for (int i = 0; i < groupKeys.length; i++) {
            text.append('\u0000').append(groupKeys[i]).append('=');
            text.append(groupValues[i] == null ? "\u0001null" : groupValues[i]);
        }
        text.append('\u0002');
        for (String eventId : eventIds) {
            text.append('\u0000').append(eventId);
        }
        return sha256(text.toString()).substring(0, 40);
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
