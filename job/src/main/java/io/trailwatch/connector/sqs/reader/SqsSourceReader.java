package io.trailwatch.connector.sqs.reader;

import io.trailwatch.aws.S3ClientProvider;
import io.trailwatch.aws.SqsClientProvider;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.connector.sqs.config.SqsSourceConfig;
import io.trailwatch.connector.sqs.event.RestoredFilesEvent;
import io.trailwatch.connector.sqs.event.SharedFilesEvent;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.ProcessedFiles;
import io.trailwatch.ingest.S3ObjectFetcher;
import io.trailwatch.ingest.SdkS3ObjectFetcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The reader of one subtask. Deletes messages only in {@link #notifyCheckpointComplete}, for the
 * checkpoints taken after all of a message's records were emitted; until then the acknowledger
 * keeps them invisible. Its split carries the remembered log files, so they are checkpointed; after
 * a restore it receives nothing until the enumerator has shared every reader's restored files with
 * it ({@link SharedFilesEvent}), since SQS may redeliver another reader's message to it.
 *
 * <p>The split state is the split itself: everything that changes lives in the shared {@link
 * ProcessedFiles}, copied into a new split at each snapshot.
 */
public final class SqsSourceReader
        extends SingleThreadMultiplexSourceReaderBase<
                SqsSourceElement, CloudTrailRecord, SqsSplit, SqsSplit> {

    private final ProcessedFiles processedFiles;
    private final SqsRecordEmitter emitter;
    private final InFlightMessages inFlight;
    private final SqsMessageAcknowledger acknowledger;
    private final SharedFilesGate sharedFiles;
    private final List<ProcessedFiles.Entry> restoredFiles = new ArrayList<>();
    private final SqsClient sqs;
    private final S3ObjectFetcher s3;

    private SqsSourceReader(Parts parts, Configuration configuration, SourceReaderContext context) {
        super(
                () ->
                        new SqsNotificationSplitReader(
                                parts.config,
                                parts.sqs,
                                parts.fetch,
                                parts.inFlight,
                                parts.metrics,
                                parts.sharedFiles),
                parts.emitter,
                configuration,
                context);
        this.processedFiles = parts.processedFiles;
        this.emitter = parts.emitter;
        this.inFlight = parts.inFlight;
        this.acknowledger = parts.acknowledger;
        this.sharedFiles = parts.sharedFiles;
        this.sqs = parts.sqs;
        this.s3 = parts.s3;
    }

    /** What the fetch thread, the emitter and the reader share. */
    private static final class Parts {
        final SqsSourceConfig config;
        final SqsClient sqs;
        final S3ObjectFetcher s3;
        final ProcessedFiles processedFiles;
        final InFlightMessages inFlight = new InFlightMessages();
        final SharedFilesGate sharedFiles = new SharedFilesGate();
        final SqsSourceMetrics metrics;
        final LogFileFetch fetch;
        final SqsRecordEmitter emitter;
        final SqsMessageAcknowledger acknowledger;

        Parts(
                SqsSourceConfig config,
                SqsClientProvider sqsClients,
                S3ClientProvider s3Clients,
                SourceReaderContext context) {
            this.config = config;
            this.sqs = sqsClients.createSqsClient();
            this.s3 = new SdkS3ObjectFetcher(s3Clients.createS3Client());
            this.processedFiles =
                    new ProcessedFiles(
                            config.processedFilesTtl().toMillis(), config.processedFilesMax());
            this.metrics = new SqsSourceMetrics(context.metricGroup());
            this.fetch =
                    new LogFileFetch(
                            s3,
                            config.fileLimits(),
                            config.fetchRetries(),
                            processedFiles,
                            System::currentTimeMillis);
            this.emitter = new SqsRecordEmitter(processedFiles, inFlight, metrics);
            this.acknowledger =
                    new SqsMessageAcknowledger(
                            sqs, config.queueUrl(), inFlight, metrics, config.visibilityTimeout());
        }
    }

    public static SqsSourceReader create(
            SqsSourceConfig config,
            SqsClientProvider sqsClients,
            S3ClientProvider s3Clients,
            SourceReaderContext context) {
        return new SqsSourceReader(
                new Parts(config, sqsClients, s3Clients, context), new Configuration(), context);
    }

    /** Restored splits are added before this: report their remembered files to be shared. */
    @Override
    public void start() {
        super.start();
        RestoredFilesEvent.reporting(restoredFiles).forEach(context::sendSourceEventToCoordinator);
        restoredFiles.clear(); // reported once; the enumerator shares them from here on
    }

    @Override
    public void handleSourceEvents(SourceEvent event) {
        if (event instanceof SharedFilesEvent shared) {
            processedFiles.restore(shared.files());
            if (shared.isLast()) {
                sharedFiles.open();
            }
        } else {
            super.handleSourceEvents(event);
        }
    }

    @Override
    public List<SqsSplit> snapshotState(long checkpointId) {
        inFlight.checkpointTaken(checkpointId);
        return super.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        acknowledger.deleteLater(inFlight.checkpointCompleted(checkpointId));
    }

    @Override
    protected SqsSplit initializedState(SqsSplit split) {
        processedFiles.restore(split.processedFiles());
        if (!sharedFiles.isOpen()) {
            restoredFiles.addAll(split.processedFiles());
        }
        return split;
    }

    @Override
    protected SqsSplit toSplitType(String splitId, SqsSplit split) {
        return new SqsSplit(
                splitId,
                split.queueUrl(),
                processedFiles.snapshot(System.currentTimeMillis(), emitter.partlyEmittedFiles()));
    }

    @Override
    protected void onSplitFinished(Map<String, SqsSplit> finishedSplitIds) {}

    @Override
    public void close() throws Exception {
        try {
            super.close();
        } finally {
            acknowledger.close();
            sqs.close();
            s3.close();
        }
    }
}
