package io.trailwatch.pattern;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pattern-file durations: a positive whole number and one unit, {@code 30s 5m 1h 1d}. */
final class Durations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhd])");
    private static final Pattern SIGNED_DURATION = Pattern.compile("\\s*-\\s*\\d+\\s*[smhd]\\s*");

    private Durations() {}

    /**
     * Parses {@code text}; throws with a message that says how to write it.
     *
     * @throws IllegalArgumentException for anything but a positive duration
     */
    static Duration parse(String text) {
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            if (SIGNED_DURATION.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        "\"" + text + "\" is negative; a duration must be positive, e.g. 5m");
            }
            throw new IllegalArgumentException(
                    "\""
                            + text
                            + "\" is not a duration; write a whole number directly followed by"
                            + " one unit s, m, h or d, e.g. 30s, 5m, 1h, 1d");
        }
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" is too long a duration");
        }
        if (amount == 0) {
            throw new IllegalArgumentException(
                    "\""
                            + text
                            + "\" is zero; a duration must be positive, e.g. 1"
                            + unit(matcher));
        }
        try {
            switch (unit(matcher)) {
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("\"" + text + "\" is too long a duration");
        }
    }

    private static String unit(Matcher matcher) {
        return matcher.group(2);
    }
}
