package io.trailwatch.connector.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.Alert;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The subject line of an alert's SNS message, e.g. {@code [HIGH] Root account used - 123456789012}:
 * what e-mail subscribers see first. SNS accepts only printable ASCII without line breaks, shorter
 * than 100 characters, starting with a letter, digit or punctuation mark.
 */
final class AlertSubject {

    /** SNS: "must be less than 100 characters long". */
    static final int MAX_LENGTH = 99;

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ELLIPSIS = "...";

    private AlertSubject() {}

    static String of(Alert alert) {
        StringBuilder subject = new StringBuilder();
        subject.append('[').append(alert.severity.toUpperCase(Locale.ROOT)).append("] ");
        subject.append(alert.title);
        String context = context(alert);
        if (!context.isEmpty()) {
            subject.append(" - ").append(context);
        }
        return shorten(toAscii(subject.toString()));
    }

    /** The group's values; for alerts without a group, the account of the first event. */
    private static String context(Alert alert) {
        List<String> values = new ArrayList<>();
        for (String value : alert.groupValues) {
            if (value != null && !value.isEmpty()) {
                values.add(value);
            }
        }
        if (values.isEmpty() && alert.events.length > 0) {
            String account = firstEventAccount(alert.events[0]);
            if (account != null) {
                values.add(account);
            }
        }
        return String.join(", ", values);
    }

    private static String firstEventAccount(String eventJson) {
        try {
            JsonNode account = MAPPER.readTree(eventJson).get("recipientAccountId");
            return account != null && account.isTextual() ? account.asText() : null;
        } catch (IOException e) {
            return null; // the subject is a courtesy; the message carries the event as it is
        }
    }

    /**
     * Dashes and accented letters become their ASCII look-alikes; other non-ASCII characters become
     * '?', and line breaks and control characters become spaces.
     */
    static String toAscii(String text) {
        String decomposed =
                Normalizer.normalize(
                        text.replace('\u2014', '-').replace('\u2013', '-'), Normalizer.Form.NFD);
        StringBuilder ascii = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c < 0x20 || c == 0x7f) {
                ascii.append(' ');
            } else if (c > 0x7e) {
                if (!Character.isLowSurrogate(c)) {
                    ascii.append('?');
                }
            } else {
                ascii.append(c);
            }
        }
        return ascii.toString().trim();
    }

    private static String shorten(String subject) {
        if (subject.length() <= MAX_LENGTH) {
            return subject;
        }
        return subject.substring(0, MAX_LENGTH - ELLIPSIS.length()).trim() + ELLIPSIS;
    }
}
