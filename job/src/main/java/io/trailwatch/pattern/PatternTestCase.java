package io.trailwatch.pattern;

import java.io.Serializable;
import java.util.List;

/**
 * One test a pattern carries: CloudTrail records (inline or from a file) and how many alerts the
 * pattern must raise on them.
 *
 * @param events the records as JSON object texts, in input order (already read from {@code file} if
 *     one was given)
 * @param file the file the events came from, relative to the pattern file, or null if inline
 */
public record PatternTestCase(
        String name, List<String> events, String file, int expectedAlerts, SourceLocation location)
        implements Serializable {

    public PatternTestCase {
        events = List.copyOf(events);
    }
}
