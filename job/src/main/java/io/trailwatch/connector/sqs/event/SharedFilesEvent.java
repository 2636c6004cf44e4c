package io.trailwatch.connector.sqs.event;

import io.trailwatch.ingest.ProcessedFiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator to every reader, once all readers reported what they restored: the remembered files of
 * all of them, in batches of at most {@link FileBatches#MAX_FILES}; the last batch says so. SQS
 * hands a redelivered message to any reader, not to the one whose checkpointed state covers its
 * files, so each reader must know every reader's restored files before it receives a message; a
 * reader receives nothing until the last batch arrives. Sharing restored entries is safe: they
 * describe records emitted before the barrier of the checkpoint the whole job restored from.
 */
public final class SharedFilesEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final ArrayList<ProcessedFiles.Entry> files;
    private final boolean last;

    public SharedFilesEvent(List<ProcessedFiles.Entry> files, boolean last) {
        this.files = new ArrayList<>(files);
        this.last = last;
    }

    /** The events that share {@code files}: at least one, the last one marked. */
    public static List<SharedFilesEvent> sharing(List<ProcessedFiles.Entry> files) {
        List<List<ProcessedFiles.Entry>> batches = FileBatches.of(files);
        List<SharedFilesEvent> events = new ArrayList<>(batches.size());
        for (int i = 0; i < batches.size(); i++) {
            events.add(new SharedFilesEvent(batches.get(i), i == batches.size() - 1));
        }
        return events;
    }

    public List<ProcessedFiles.Entry> files() {
        return List.copyOf(files);
    }

    /** Every reader's restored files have arrived: the reader may start receiving. */
    public boolean isLast() {
        return last;
    }
}
