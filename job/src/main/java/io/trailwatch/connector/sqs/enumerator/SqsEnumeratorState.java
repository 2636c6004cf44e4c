package io.trailwatch.connector.sqs.enumerator;

import io.trailwatch.connector.sqs.split.SqsSplit;
import java.util.List;
import java.util.Set;

/**
 * The enumerator's checkpoint: which reader subtasks were given their split, and the splits handed
 * back after a reader failed (they carry that reader's remembered files) and not yet reassigned.
 */
public record SqsEnumeratorState(Set<String> assignedSplitIds, List<SqsSplit> returnedSplits) {

    public SqsEnumeratorState {
        assignedSplitIds = Set.copyOf(assignedSplitIds);
        returnedSplits = List.copyOf(returnedSplits);
    }

    public static SqsEnumeratorState empty() {
        return new SqsEnumeratorState(Set.of(), List.of());
    }
}
