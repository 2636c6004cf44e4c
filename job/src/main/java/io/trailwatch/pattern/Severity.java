package io.trailwatch.pattern;

import java.util.Locale;

/** How urgent an alert is; written in lower case in patterns and alerts. */
public enum Severity {
    INFO,
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code info | low | medium | high | critical}; returns null for anything else. */
    public static Severity fromLabel(String label) {
        for (Severity severity : values()) {
            if (severity.label().equals(label)) {
                return severity;
            }
        }
        return null;
    }
}
