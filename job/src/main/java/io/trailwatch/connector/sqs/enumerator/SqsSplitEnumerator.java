package io.trailwatch.connector.sqs.enumerator;

import io.trailwatch.connector.sqs.event.RestoredFilesEvent;
import io.trailwatch.connector.sqs.event.SharedFilesEvent;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.ProcessedFiles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every reader subtask one split for the queue: all readers long-poll the same queue, and SQS
 * itself spreads the messages among them. A split handed back by a failed reader goes to the reader
 * that takes the subtask over.
 *
 * <p>SQS may redeliver a message to any reader, so the enumerator also pools what every reader
 * restored ({@link RestoredFilesEvent}) and, once all readers reported, gives all of them the whole
 * pool ({@link SharedFilesEvent}); readers receive nothing before that.
 */
public final class SqsSplitEnumerator implements SplitEnumerator<SqsSplit, SqsEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsSplitEnumerator.class);

    private final SplitEnumeratorContext<SqsSplit> context;
    private final String queueUrl;
    private final boolean bounded;
    private final Set<String> assignedSplitIds;
    private final Map<String, SqsSplit> returnedSplits = new LinkedHashMap<>();

    /** What each running reader restored, by subtask, once its report is complete. */
    private final Map<Integer, List<ProcessedFiles.Entry>> restoredByReader = new TreeMap<>();

    /** Reports still arriving, batch by batch, by subtask. */
    private final Map<Integer, List<ProcessedFiles.Entry>> reportsArriving = new TreeMap<>();

    /**
     * Remembered files of splits handed back, by split: the reader that takes one over gets it
     * after it reported, so the pool must carry its files.
     */
    private final Map<String, List<ProcessedFiles.Entry>> returnedFiles = new TreeMap<>();

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
        returnedSplits
                .values()
                .forEach(split -> returnedFiles.put(split.splitId(), split.processedFiles()));
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
            returnedFiles.put(split.splitId(), split.processedFiles());
        }
    }

    @Override
    public void handleSourceEvent(int subtaskId, SourceEvent event) {
        if (!(event instanceof RestoredFilesEvent restored)) {
            LOG.warn("Ignoring unknown event {} from reader {}", event, subtaskId);
            return;
        }
        List<ProcessedFiles.Entry> report =
                reportsArriving.computeIfAbsent(subtaskId, subtask -> new ArrayList<>());
        report.addAll(restored.files());
        if (!restored.isLast()) {
            return;
        }
        restoredByReader.put(subtaskId, reportsArriving.remove(subtaskId));
        List<Integer> waitingFor = readersNotReported();
        if (!waitingFor.isEmpty()) {
            LOG.info(
                    "Reader {} restored {} remembered files; waiting for readers {}",
                    subtaskId,
                    report.size(),
                    waitingFor);
            return;
        }
        // All reported (or one restarted on its own and reported again): everyone gets the pool.
        // Reports overlap (every reader already holds the pool shared at the last restore), so
        // the pool keeps one entry per file, the one that got furthest: it must not grow with the
        // number of readers squared from one restore to the next.
        ProcessedFiles merged = new ProcessedFiles(0, Integer.MAX_VALUE);
        returnedFiles.values().forEach(merged::restore);
        restoredByReader.values().forEach(merged::restore);
        List<ProcessedFiles.Entry> pool = merged.snapshot(Long.MIN_VALUE); // expires nothing
        LOG.info(
                "Sharing {} restored remembered files with {} readers",
                pool.size(),
                restoredByReader.size());
        List<SharedFilesEvent> events = SharedFilesEvent.sharing(pool);
        for (int reader : restoredByReader.keySet()) {
            events.forEach(batch -> context.sendEventToSourceReader(reader, batch));
        }
    }

    /**
     * Subtasks without a report from their running reader. A report counts only while its reader is
     * registered: after a failover the enumerator may live on, and a failed reader's report is
     * stale (its replacement reports again once registered).
     */
    private List<Integer> readersNotReported() {
        Set<Integer> registered = context.registeredReaders().keySet();
        restoredByReader.keySet().retainAll(registered);
        List<Integer> missing = new ArrayList<>();
        for (int subtask = 0; subtask < context.currentParallelism(); subtask++) {
            if (!restoredByReader.containsKey(subtask)) {
                missing.add(subtask);
            }
        }
        return missing;
    }

    @Override
    public void addReader(int subtaskId) {
        // A new reader attempt reports what it restored.
        restoredByReader.remove(subtaskId);
        reportsArriving.remove(subtaskId);
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
