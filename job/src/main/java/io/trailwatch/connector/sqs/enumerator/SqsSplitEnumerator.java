package io.trailwatch.connector.sqs.enumerator;

import io.trailwatch.connector.sqs.split.SqsSplit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every reader subtask one split for the queue: all readers long-poll the same queue, and SQS
 * itself spreads the messages among them. A split handed back by a failed reader goes to the reader
 * that takes the subtask over.
 */
public final class SqsSplitEnumerator implements SplitEnumerator<SqsSplit, SqsEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsSplitEnumerator.class);

    private final SplitEnumeratorContext<SqsSplit> context;
    private final String queueUrl;
    private final boolean bounded;
    private final Set<String> assignedSplitIds;
    private final Map<String, SqsSplit> returnedSplits = new LinkedHashMap<>();

    public SqsSplitEnumerator(
            SplitEnumeratorContext<SqsSplit> context,
            String queueUrl,
            boolean bounded,
            SqsEnumeratorState restored) {
        this.context = context;
        this.queueUrl = queueUrl;
        this.bounded = bounded;
        this.assignedSplitIds = new HashSet<>(restored.assignedSplitIds());
        restored.returnedSplits().forEach(split -> returnedSplits.put(split.splitId(), split));
    }

    @Override
    public void start() {}

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {}

    @Override
    public void addSplitsBack(List<SqsSplit> splits, int subtaskId) {
        for (SqsSplit split : splits) {
            returnedSplits.put(split.splitId(), split);
            assignedSplitIds.remove(split.splitId());
        }
    }

    @Override
    public void addReader(int subtaskId) {
        String splitId = SqsSplit.splitIdFor(subtaskId);
        SqsSplit split = returnedSplits.remove(splitId);
        if (split == null && !assignedSplitIds.contains(splitId)) {
            split = SqsSplit.forSubtask(subtaskId, queueUrl);
        }
        if (split != null) {
            LOG.info("Assigning {} to reader {}", split, subtaskId);
            context.assignSplit(split, subtaskId);
            assignedSplitIds.add(splitId);
        }
        if (bounded) {
            context.signalNoMoreSplits(subtaskId);
        }
    }

    @Override
    public SqsEnumeratorState snapshotState(long checkpointId) {
        return new SqsEnumeratorState(assignedSplitIds, List.copyOf(returnedSplits.values()));
    }

    @Override
    public void close() {}
}
