package io.trailwatch.connector.sqs.reader;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.ProcessedFiles;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;

/**
 * Runs on the task thread, between checkpoints: emits records, and applies the markers to the state
 * that the next checkpoint captures (the remembered files, the messages to delete).
 */
final class SqsRecordEmitter
        implements RecordEmitter<SqsSourceElement, CloudTrailRecord, SqsSplit> {

    private final ProcessedFiles processedFiles;
    private final InFlightMessages inFlight;
    private final SqsSourceMetrics metrics;

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
            case RECORD:
                output.collect(element.record);
                metrics.recordEmitted(element.record);
                break;
            case FILE_DONE:
                rememberFile(element);
                break;
            case MESSAGE_DONE:
            default:
                inFlight.emitted(element.messageId);
        }
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
