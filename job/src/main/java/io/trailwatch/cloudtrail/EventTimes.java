package io.trailwatch.cloudtrail;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/** Parses CloudTrail's ISO-8601 {@code eventTime} values. */
public final class EventTimes {

    /** Marks a record whose {@code eventTime} is missing or not ISO-8601. */
    public static final long INVALID = Long.MIN_VALUE;

    private EventTimes() {}

    /**
     * Returns epoch milliseconds, or {@link #INVALID}. CloudTrail writes {@code
     * 2014-07-08T17:35:27Z}; offsets and fractions are accepted as ISO-8601 allows them.
     */
    public static long parse(String text) {
        if (text == null || text.isEmpty()) {
            return INVALID;
        }
        long fast = parseCanonical(text);
        if (fast != INVALID) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    /** The common {@code yyyy-MM-ddTHH:mm:ssZ} form without allocating a formatter result. */
    private static long parseCanonical(String s) {
        if (s.length() != 20
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(19) != 'Z') {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return INVALID;
        }
        try {
            long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
            return ((epochDay * 24 + hour) * 60 + minute) * 60_000L + second * 1000L;
        } catch (DateTimeException e) {
            return INVALID;
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
