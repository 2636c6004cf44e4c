package io.trailwatch.connector.sqs.event;

import io.trailwatch.ingest.ProcessedFiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader to enumerator, when the reader starts: the remembered files it restored from the
 * checkpoint (none on a fresh start), in batches of at most {@link FileBatches#MAX_FILES}; the last
 * batch says so. See {@link SharedFilesEvent}.
 */
public final class RestoredFilesEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final ArrayList<ProcessedFiles.Entry> files;
    private final boolean last;

    public RestoredFilesEvent(List<ProcessedFiles.Entry> files, boolean last) {
        this.files = new ArrayList<>(files);
        this.last = last;
    }

    /** The events that report {@code files}: at least one, the last one marked. */
    public static List<RestoredFilesEvent> reporting(List<ProcessedFiles.Entry> files) {
        List<List<ProcessedFiles.Entry>> batches = FileBatches.of(files);
        List<RestoredFilesEvent> events = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            events.add(new RestoredFilesEvent(batches.get(i), i == batches.size() - 1));
        }
        return events;
    }

    public List<ProcessedFiles.Entry> files() {
        return List.copyOf(files);
    }

    /** The reader's report is complete. */
    public boolean isLast() {
        return last;
    }
}
