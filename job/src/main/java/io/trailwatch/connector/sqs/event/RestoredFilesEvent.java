package io.trailwatch.connector.sqs.event;

import io.trailwatch.ingest.ProcessedFiles;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Reader to enumerator, once when the reader starts: the remembered files it restored from the
 * checkpoint (none on a fresh start). See {@link SharedFilesEvent}.
 */
public final class RestoredFilesEvent implements SourceEvent {
    private static final long serialVersionUID = 1L;

    private final ArrayList<ProcessedFiles.Entry> files;

    public RestoredFilesEvent(List<ProcessedFiles.Entry> files) {
        this.files = new ArrayList<>(files);
    }

    public List<ProcessedFiles.Entry> files() {
        return List.copyOf(files);
    }
}
