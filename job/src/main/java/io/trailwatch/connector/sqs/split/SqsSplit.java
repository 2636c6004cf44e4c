package io.trailwatch.connector.sqs.split;

import io.trailwatch.ingest.ProcessedFiles;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * One reader's share of the queue. Every reader subtask long-polls the same queue, so a split is
 * the queue URL plus the reader's remembered log files (its checkpointed state).
 */
public final class SqsSplit implements SourceSplit {

    private final String splitId;
    private final String queueUrl;
    private final List<ProcessedFiles.Entry> processedFiles;

    public SqsSplit(String splitId, String queueUrl, List<ProcessedFiles.Entry> processedFiles) {
        this.splitId = Objects.requireNonNull(splitId);
        this.queueUrl = Objects.requireNonNull(queueUrl);
        this.processedFiles = List.copyOf(processedFiles);
    }

    /** The split for reader subtask {@code subtask}. */
    public static SqsSplit forSubtask(int subtask, String queueUrl) {
        return new SqsSplit(splitIdFor(subtask), queueUrl, List.of());
    }

    public static String splitIdFor(int subtask) {
        return "sqs-reader-" + subtask;
    }

    @Override
    public String splitId() {
        return splitId;
    }

    public String queueUrl() {
        return queueUrl;
    }

    public List<ProcessedFiles.Entry> processedFiles() {
        return processedFiles;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SqsSplit)) {
            return false;
        }
        SqsSplit that = (SqsSplit) o;
        return splitId.equals(that.splitId)
                && queueUrl.equals(that.queueUrl)
                && processedFiles.equals(that.processedFiles);
    }

    @Override
    public int hashCode() {
        return Objects.hash(splitId, queueUrl, processedFiles);
    }

    @Override
    public String toString() {
        return "SqsSplit{" + splitId + ", " + queueUrl + ", " + processedFiles.size() + " files}";
    }
}
