package io.trailwatch.pattern;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * At least {@code count} events matching {@code filter} (or that many distinct values of {@code
 * distinct}) of one group whose event times lie within {@code within} of each other.
 *
 * @param groupBy field selectors ({@code $.a.b}) that form the group; never empty (defaults to
 *     {@code $.recipientAccountId})
 * @param distinct selector whose distinct values are counted, or null to count events
 */
public record ThresholdSpec(
        String filter, int count, Duration within, List<String> groupBy, String distinct)
        implements Serializable {

    public ThresholdSpec {
        groupBy = List.copyOf(groupBy);
    }
}
