package io.trailwatch.connector.sqs.reader;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.ProcessedFiles;
import io.trailwatch.ingest.S3ObjectRef;
import java.util.List;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Runs on the task thread, between checkpoints: emits records, and applies the markers to the state
 * that the next checkpoint captures (the remembered files, the file whose records are being
 * emitted, the messages to delete).
 */
final class SqsRecordEmitter
        implements RecordEmitter<SqsSourceElement, CloudTrailRecord, SqsSplit> {

    private final ProcessedFiles processedFiles;
    private final InFlightMessages inFlight;
    private final SqsSourceMetrics metrics;

    /**
     * The file whose records are being emitted, with how many are, or {@code null} between files.
     */
    private S3ObjectRef fileInProgress;

    private String eTagInProgress;
    private long recordsEmittedOfFile;

    SqsRecordEmitter(
            ProcessedFiles processedFiles, InFlightMessages inFlight, SqsSourceMetrics metrics) {
        this.processedFiles = processedFiles;
        this.inFlight = inFlight;
        this.metrics = metrics;
    }

    @Override
    public void emitRecord(
            SqsSourceElement element, SourceOutput<CloudTrailRecord> output, SqsSplit split) {
        switch (element.kind) {
            case FILE_OPENED:
                fileInProgress = element.file;
                eTagInProgress = element.eTag;
                recordsEmittedOfFile = element.recordsSkipped;
                break;
            case RECORD:
                output.collect(element.record);
                metrics.recordEmitted(element.record);
                recordsEmittedOfFile++;
                break;
            case FILE_DONE:
                fileInProgress = null;
                rememberFile(element);
                break;
            case MESSAGE_DONE:
            default:
                inFlight.emitted(element.messageId);
        }
    }

    /**
     * The file whose records are being emitted, if a checkpoint is taken now: its records emitted
     * so far are in the checkpoint, so a restore must read it on after them, not from the start.
     */
    List<ProcessedFiles.PartlyEmitted> partlyEmittedFiles() {
        if (fileInProgress == null) {
            return List.of();
        }
        return List.of(
                new ProcessedFiles.PartlyEmitted(
                        fileInProgress, eTagInProgress, recordsEmittedOfFile));
    }

    private void rememberFile(SqsSourceElement element) {
        LogFileFetch.Outcome outcome = element.outcome;
        boolean contentKnown = outcome.eTag() != null && !outcome.eTag().isEmpty();
        if (outcome.status() != LogFileFetch.Status.ALREADY_READ && contentKnown) {
            processedFiles.remember(
                    element.file,
                    outcome.eTag(),
                    outcome.status() == LogFileFetch.Status.FAILED,
                    outcome.records(),
                    System.currentTimeMillis());
        }
    }
}
