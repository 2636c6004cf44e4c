package io.trailwatch.connector.sqs.reader;

import io.trailwatch.connector.sqs.config.SqsSourceConfig;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.ingest.CloudTrailLogFiles;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.Notification;
import io.trailwatch.ingest.NotificationParser;
import io.trailwatch.ingest.S3ObjectRef;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Long-polls the queue and turns each message into its records: parse the notification, read the
 * named log files (several at once, on a bounded pool), and hand records on in message order,
 * followed by the markers that let the task thread delete the message at the right checkpoint.
 */
final class SqsNotificationSplitReader implements SplitReader<SqsSourceElement, SqsSplit> {

    private static final Logger LOG = LoggerFactory.getLogger(SqsNotificationSplitReader.class);

    private static final int MAX_ELEMENTS_PER_FETCH = 2048;
    private static final long CHUNK_WAIT_MILLIS = 100;
    private static final long ROOM_WAIT_MILLIS = 1000;

    static final long WAIT_WARNING_INTERVAL_MILLIS = 30_000;

    /** A received message and the files still to emit for it. */
    private static final class MessageWork {
        final Message message;
        final List<FileReading> files;
        int next;
        boolean failed;

        MessageWork(Message message, List<FileReading> files) {
            this.message = message;
            this.files = files;
        }
    }

    private final SqsSourceConfig config;
    private final SqsClient sqs;
    private final LogFileFetch fetch;
    private final InFlightMessages inFlight;
    private final SqsSourceMetrics metrics;
    private final SharedFilesGate sharedFiles;
    private final LongSupplier clock;
    private final NotificationParser parser = new NotificationParser();
    private final ExecutorService fetchPool;
    private final Deque<MessageWork> work = new ArrayDeque<>();
    private final Set<String> splitIds = new LinkedHashSet<>();
    private int filesStarted;
    private int consecutiveEmptyPolls;
    private long gateWaitStartedMillis;
    private long sharedFilesWaitStartedMillis;
    private long lastWaitWarningMillis;

    SqsNotificationSplitReader(
            SqsSourceConfig config,
            SqsClient sqs,
            LogFileFetch fetch,
            InFlightMessages inFlight,
            SqsSourceMetrics metrics,
            SharedFilesGate sharedFiles) {
        this(config, sqs, fetch, inFlight, metrics, sharedFiles, System::currentTimeMillis);
    }

    /**
     * @param clock milliseconds since the epoch, for how long the reader has waited for the shared
     *     files; tests pass a manual one
     */
    SqsNotificationSplitReader(
            SqsSourceConfig config,
            SqsClient sqs,
            LogFileFetch fetch,
            InFlightMessages inFlight,
            SqsSourceMetrics metrics,
            SharedFilesGate sharedFiles,
            LongSupplier clock) {
        this.config = config;
        this.sqs = sqs;
        this.fetch = fetch;
        this.inFlight = inFlight;
        this.metrics = metrics;
        this.sharedFiles = sharedFiles;
        this.clock = clock;
        this.fetchPool =
                Executors.newFixedThreadPool(
                        config.fetchConcurrency(),
                        runnable -> {
                            Thread thread = new Thread(runnable, "s3-log-fetch");
                            thread.setDaemon(true);
                            return thread;
                        });
    }

    @Override
    public RecordsWithSplitIds<SqsSourceElement> fetch() throws IOException {
        if (splitIds.isEmpty()) {
            return new RecordsBySplits.Builder<SqsSourceElement>().build();
        }
        try {
            if (!sharedFiles.awaitOpen(ROOM_WAIT_MILLIS) && !boundedRunWaitedLongEnough()) {
                warnWhileWaitingForSharedFiles();
                return new RecordsBySplits.Builder<SqsSourceElement>().build();
            }
            return work.isEmpty() ? receive() : emitHeadMessages();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + config.queueUrl(), e);
        }
    }

    /**
     * An unbounded reader waits for the shared files as long as it takes: reading without them
     * could count a file twice. It says so, every {@link #WAIT_WARNING_INTERVAL_MILLIS}, so that a
     * job that reads nothing after a restore is not silent about why.
     */
    private void warnWhileWaitingForSharedFiles() {
        long now = clock.getAsLong();
        if (sharedFilesWaitStartedMillis == 0) {
            sharedFilesWaitStartedMillis = now;
            lastWaitWarningMillis = now;
            return;
        }
        if (now - lastWaitWarningMillis >= WAIT_WARNING_INTERVAL_MILLIS) {
            lastWaitWarningMillis = now;
            LOG.warn(
                    "Reader of {} has waited {} s for the files other readers restored; it"
                            + " receives nothing until the enumerator has every reader's report"
                            + " (see the enumerator's 'waiting for readers' line)",
                    config.queueUrl(),
                    (now - sharedFilesWaitStartedMillis) / 1000);
        }
    }

    /**
     * A bounded run whose other reader finished before a restart never reports again (Flink does
     * not run a finished reader), so its readers stop waiting for the shared files after as long as
     * the run would wait for an empty queue, or a visibility timeout if longer. A finished reader
     * has no remembered files left to share.
     */
    private boolean boundedRunWaitedLongEnough() {
        if (!config.isBounded()) {
            return false;
        }
        long now = clock.getAsLong();
        if (gateWaitStartedMillis == 0) {
            gateWaitStartedMillis = now;
        }
        long patience =
                Math.max(
                        config.visibilityTimeout().toMillis(),
                        config.boundedEmptyPolls() * config.waitTime().toMillis());
        if (now - gateWaitStartedMillis < patience) {
            return false;
        }
        LOG.warn(
                "Not every reader of {} reported its restored files within {} ms; a bounded run"
                        + " reads on without them",
                config.queueUrl(),
                patience);
        sharedFiles.open();
        return true;
    }

    private RecordsWithSplitIds<SqsSourceElement> receive() throws InterruptedException {
        RecordsBySplits.Builder<SqsSourceElement> out = new RecordsBySplits.Builder<>();
        if (!inFlight.awaitRoom(config.maxInFlightMessages(), ROOM_WAIT_MILLIS)) {
            return out.build(); // back-pressure: wait for checkpoints to delete messages
        }
        int room = config.maxInFlightMessages() - inFlight.size();
        List<Message> messages;
        try {
            messages =
                    sqs.receiveMessage(
                                    b ->
                                            b.queueUrl(config.queueUrl())
                                                    .maxNumberOfMessages(
                                                            Math.min(
                                                                    room,
                                                                    config.maxMessagesPerPoll()))
                                                    .waitTimeSeconds(
                                                            (int) config.waitTime().getSeconds())
                                                    .visibilityTimeout(
                                                            (int)
                                                                    config.visibilityTimeout()
                                                                            .getSeconds()))
                            .messages();
        } catch (SdkException e) {
            LOG.warn("ReceiveMessage on {} failed; polling again", config.queueUrl(), e);
            Thread.sleep(ROOM_WAIT_MILLIS);
            return out.build();
        }
        if (messages.isEmpty()) {
            consecutiveEmptyPolls++;
            if (config.isBounded() && consecutiveEmptyPolls >= config.boundedEmptyPolls()) {
                LOG.info(
                        "{} was empty for {} polls: bounded source finishes",
                        config.queueUrl(),
                        consecutiveEmptyPolls);
                splitIds.forEach(out::addFinishedSplit);
                splitIds.clear();
            }
            return out.build();
        }
        consecutiveEmptyPolls = 0;
        for (Message message : messages) {
            accept(message);
        }
        return emitHeadMessages();
    }

    private void accept(Message message) {
        metrics.messagesReceived.inc();
        inFlight.received(message.messageId(), message.receiptHandle());
        Notification notification = parser.parse(message.body());
        switch (notification.disposition()) {
            case UNPARSEABLE:
                metrics.notificationsUnparseable.inc();
                leaveForRedrive(message, "unparseable notification: " + notification.shape());
                return;
            case ACKNOWLEDGE:
                LOG.debug("Message {}: {}, acknowledged", message.messageId(), notification);
                work.add(new MessageWork(message, List.of()));
                return;
            case READ_OBJECTS:
            default:
                break;
        }
        List<FileReading> files = new ArrayList<>();
        for (S3ObjectRef object : notification.objects()) {
            if (!config.isAllowed(object.bucket())) {
                metrics.notificationsNotAllowlisted.inc();
                leaveForRedrive(
                        message, "bucket '" + object.bucket() + "' is not on the allowlist");
                return;
            }
            if (CloudTrailLogFiles.isLogFile(object.key())) {
                files.add(new FileReading(object));
            } else {
                metrics.filesSkipped.inc(); // digest, Insights or foreign object
                LOG.debug("Message {}: skipping {}", message.messageId(), object);
            }
        }
        work.add(new MessageWork(message, files));
    }

    private void leaveForRedrive(Message message, String why) {
        metrics.messagesLeftForRedrive.inc();
        LOG.warn(
                "Message {} in {} left for the redrive policy: {}",
                message.messageId(),
                config.queueUrl(),
                why);
        inFlight.leaveForRedrive(message.messageId());
    }

    /** Emits what is ready of the oldest messages, in message and file order. */
    private RecordsWithSplitIds<SqsSourceElement> emitHeadMessages() throws InterruptedException {
        String splitId = splitIds.iterator().next();
        RecordsBySplits.Builder<SqsSourceElement> out = new RecordsBySplits.Builder<>();
        int emitted = 0;
        while (emitted < MAX_ELEMENTS_PER_FETCH && !work.isEmpty()) {
            startReadsAhead();
            MessageWork head = work.peek();
            if (head.next == head.files.size()) {
                work.poll();
                if (head.failed) {
                    leaveForRedrive(head.message, "a log file it names could not be read");
                } else {
                    out.add(splitId, SqsSourceElement.messageDone(head.message.messageId()));
                    emitted++;
                }
                continue;
            }
            FileReading file = head.files.get(head.next);
            FileReading.Chunk chunk = file.poll(emitted == 0 ? CHUNK_WAIT_MILLIS : 0);
            if (chunk == null) {
                break;
            }
            if (chunk.isOpening()) {
                out.add(
                        splitId,
                        SqsSourceElement.fileOpened(
                                file.file, chunk.openedETag, chunk.recordsSkipped));
                emitted++;
                continue;
            }
            for (var record : chunk.records) {
                out.add(splitId, SqsSourceElement.record(record));
            }
            emitted += chunk.records.size();
            if (chunk.isEnd()) {
                finishFile(head, file, chunk);
                out.add(splitId, SqsSourceElement.fileDone(file.file, chunk.outcome));
                emitted++;
            }
        }
        return out.build();
    }

    private void finishFile(MessageWork message, FileReading file, FileReading.Chunk end) {
        message.next++;
        filesStarted--;
        LogFileFetch.Outcome outcome = end.outcome;
        metrics.bytesFetched.inc(outcome.compressedBytes());
        switch (outcome.status()) {
            case READ:
                metrics.filesFetched.inc();
                metrics.fetchLatency(end.latencyMillis);
                break;
            case ALREADY_READ:
                metrics.filesAlreadyRead.inc();
                LOG.info(
                        "Message {}: {} was read before, not emitted again",
                        message.message.messageId(),
                        file.file);
                break;
            case FAILED:
            default:
                metrics.filesFailed.inc();
                message.failed = true;
                LOG.warn(
                        "Message {}: bucket {} key {} could not be read: {}",
                        message.message.messageId(),
                        file.file.bucket(),
                        file.file.key(),
                        outcome.failure());
        }
    }

    /** Keeps up to the configured number of files downloading, oldest message first. */
    private void startReadsAhead() {
        for (MessageWork message : work) {
            for (int i = message.next; i < message.files.size(); i++) {
                if (filesStarted >= config.fetchConcurrency()) {
                    return;
                }
                FileReading file = message.files.get(i);
                if (!file.started()) {
                    file.start(fetchPool, fetch);
                    filesStarted++;
                }
            }
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<SqsSplit> splitsChanges) {
        if (!(splitsChanges instanceof SplitsAddition)) {
            throw new UnsupportedOperationException(
                    "unsupported split change " + splitsChanges.getClass().getSimpleName());
        }
        splitsChanges.splits().forEach(split -> splitIds.add(split.splitId()));
    }

    @Override
    public void wakeUp() {}

    @Override
    public void close() throws Exception {
        for (MessageWork message : work) {
            message.files.forEach(FileReading::cancel);
        }
        fetchPool.shutdownNow();
        fetchPool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
