package io.trailwatch.connector.sns;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import java.time.Duration;
import java.time.Instant;

/** Readable alerts for the SNS sink's tests. */
final class TestAlerts {

    static final String ACCOUNT = "123456789012";
    static final Instant FIRST_EVENT = Instant.parse("2024-03-01T12:00:00Z");
    static final Instant DETECTED = Instant.parse("2024-03-01T12:05:00Z");

    private TestAlerts() {}

    /** A single-event alert: the root user signed in. */
    static Alert rootLogin(int n) {
        return alert("root-account-usage", "Root account used", "high", new String[0], 1, n);
    }

    /** A threshold alert grouped by account, with {@code events} failed sign-ins. */
    static Alert failedSignIns(int n, int events) {
        return alert(
                "console-signin-failures",
                "Console sign-in failures",
                "medium",
                new String[] {"$.recipientAccountId"},
                events,
                n);
    }

    /**
     * An alert whose events each carry {@code padding} characters in their error message, to make
     * it as large as a test needs.
     */
    static Alert withLargeEvents(int events, int padding) {
        Alert alert = failedSignIns(0, events);
        String filler = "x".repeat(padding);
        for (int i = 0; i < events; i++) {
            alert.events[i] = event(i, 0, filler);
        }
        return alert;
    }

    static Alert alert(
            String patternId,
            String title,
            String severity,
            String[] groupKeys,
            int eventCount,
            int n) {
        Alert alert = new Alert();
        alert.patternId = patternId;
        alert.title = title;
        alert.severity = severity;
        alert.groupKeys = groupKeys;
        alert.groupValues = new String[groupKeys.length];
        for (int i = 0; i < groupKeys.length; i++) {
            alert.groupValues[i] = ACCOUNT;
        }
        alert.count = eventCount;
        alert.eventIds = new String[eventCount];
        alert.events = new String[eventCount];
        for (int i = 0; i < eventCount; i++) {
            alert.eventIds[i] = eventId(i, n);
            alert.events[i] = event(i, n, "Failed authentication");
        }
        alert.firstEventTimeMillis = FIRST_EVENT.plusSeconds(n).toEpochMilli();
        alert.firstEventTime = FIRST_EVENT.plusSeconds(n).toString();
        alert.lastEventTime = FIRST_EVENT.plusSeconds(n + eventCount).toString();
        alert.detectedAt = DETECTED.plus(Duration.ofSeconds(n)).toString();
        alert.alertId =
                AlertFactory.alertId(
                        alert.patternId, alert.groupKeys, alert.groupValues, alert.eventIds);
        return alert;
    }

    private static String eventId(int i, int n) {
        return String.format("00000000-0000-4000-8000-%06d%06d", n, i);
    }

    private static String event(int i, int n, String errorMessage) {
        return "{\"eventID\":\""
                + eventId(i, n)
                + "\",\"eventTime\":\""
                + FIRST_EVENT.plusSeconds(n + i)
                + "\",\"eventSource\":\"signin.amazonaws.com\",\"eventName\":\"ConsoleLogin\","
                + "\"awsRegion\":\"us-east-1\",\"recipientAccountId\":\""
                + ACCOUNT
                + "\",\"sourceIPAddress\":\"198.51.100.7\","
                + "\"userIdentity\":{\"type\":\"Root\",\"accountId\":\""
                + ACCOUNT
                + "\"},\"errorMessage\":\""
                + errorMessage
                + "\"}";
    }
}
