package io.trailwatch.pattern;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;

/**
 * Ordered steps of one group within {@code within}; other events may come between steps.
 *
 * @param groupBy field selectors that form the group; never empty (defaults to {@code
 *     $.recipientAccountId})
 */
public record SequenceSpec(Duration within, List<String> groupBy, List<SequenceStep> steps)
        implements Serializable {

    public SequenceSpec {
        groupBy = List.copyOf(groupBy);
        steps = List.copyOf(steps);
    }
}
