package io.trailwatch.connector.sqs.event;

import io.trailwatch.ingest.ProcessedFiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Enumerator to every reader, once all readers reported what they restored: the remembered files of
 * all of them. SQS hands a redelivered message to any reader, not to the one whose checkpointed
 * state covers its files, so each reader must know every reader's restored files before it receives
 * a message; a reader receives nothing until this event arrives. Sharing restored entries is safe:
 * they describe records emitted before the barrier of the checkpoint the whole job restored from.
 */
public final class SharedFilesEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final ArrayList<ProcessedFiles.Entry> files;

    public SharedFilesEvent(List<ProcessedFiles.Entry> files) {
        this.files = new ArrayList<>(files);
    }

    public List<ProcessedFiles.Entry> files() {
        return List.copyOf(files);
    }
}
