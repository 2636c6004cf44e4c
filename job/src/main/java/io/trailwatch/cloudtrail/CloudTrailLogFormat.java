package io.trailwatch.cloudtrail;

import java.io.IOException;
import java.io.InputStream;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.ArrayResultIterator;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.fs.Path;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads CloudTrail files for a Flink {@code FileSource}: {@code FileSource.forBulkFileFormat(new
 * CloudTrailLogFormat(), paths)}. Each file is read whole (not splittable) by a {@link
 * LogFileReader}, in batches of records.
 *
 * <p>A bad file never fails the job: a file-level error (any {@link IOException} while opening or
 * reading, including {@link LogFileException}) is logged as one WARN line naming the file and the
 * problem, counted, and the reader moves on; records read before the error are kept. Digest and
 * Insights files, recognised by their names ({@link CloudTrailObjectKey}), are skipped unread.
 *
 * <p>Counters: {@code recordsRead}, {@code recordsMalformed}, {@code filesFailed}, {@code
 * filesSkipped}. A {@code BulkFormat} is not given the reader's metric group, so with a plain
 * {@code FileSource} they are only kept locally; {@link #withMetricGroup} registers them in a
 * metric group, as {@link LocalLogFiles} does.
 */
public final class CloudTrailLogFormat implements BulkFormat<CloudTrailRecord, FileSourceSplit> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CloudTrailLogFormat.class);

    public static final int DEFAULT_BATCH_SIZE = 256;

    private final ReadLimits limits;
    private final int batchSize;

    /** Null until first used on a task; then the metric group's counters, or local ones. */
    private transient MetricGroup metricGroup;

    private transient Counters counters;

    public CloudTrailLogFormat() {
        this(ReadLimits.DEFAULTS, DEFAULT_BATCH_SIZE);
    }

    public CloudTrailLogFormat(ReadLimits limits) {
        this(limits, DEFAULT_BATCH_SIZE);
    }

    public CloudTrailLogFormat(ReadLimits limits, int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive, but is " + batchSize);
        }
        this.limits = limits;
        this.batchSize = batchSize;
    }

    /** A copy that counts into {@code group}; for one source reader (one subtask). */
    public CloudTrailLogFormat withMetricGroup(MetricGroup group) {
        CloudTrailLogFormat copy = new CloudTrailLogFormat(limits, batchSize);
        copy.metricGroup = group;
        return copy;
    }

    public ReadLimits limits() {
        return limits;
    }

    @Override
    public Reader<CloudTrailRecord> createReader(Configuration config, FileSourceSplit split)
            throws IOException {
        return open(split, 0);
    }

    @Override
    public Reader<CloudTrailRecord> restoreReader(Configuration config, FileSourceSplit split)
            throws IOException {
        long alreadyEmitted =
                split.getReaderPosition()
                        .map(CheckpointedPosition::getRecordsAfterOffset)
                        .orElse(0L);
        return open(split, alreadyEmitted);
    }

    @Override
    public boolean isSplittable() {
        return false;
    }

    @Override
    public TypeInformation<CloudTrailRecord> getProducedType() {
        return TypeInformation.of(CloudTrailRecord.class);
    }

    /** The counters this format instance counts into (created on first use). */
    Counters counters() {
        if (counters == null) {
            counters = new Counters(metricGroup);
        }
        return counters;
    }

    private Reader<CloudTrailRecord> open(FileSourceSplit split, long alreadyEmitted)
            throws IOException {
        Path path = split.path();
        String origin = path.toString();
        CloudTrailObjectKey.Kind kind = CloudTrailObjectKey.parse(path.getPath()).kind();
        if (kind == CloudTrailObjectKey.Kind.DIGEST || kind == CloudTrailObjectKey.Kind.INSIGHT) {
            LOG.info("{}: is a CloudTrail {} file, not a log file; skipped", origin, kind);
            counters().filesSkipped.inc();
            return new FileReader(null, alreadyEmitted);
        }
        if (split.fileSize() > limits.maxCompressedBytes()) {
            failed(
                    new LogFileException(
                            origin,
                            "is "
                                    + split.fileSize()
                                    + " bytes, larger than "
                                    + limits.maxCompressedBytes()
                                    + " (limit maxCompressedBytes); skipped"));
            return new FileReader(null, alreadyEmitted);
        }
        LogFileReader reader = null;
        try {
            InputStream in = FileSystem.get(path.toUri()).open(path);
            reader = LogFileReader.open(in, origin, limits);
            for (long skipped = 0; skipped < alreadyEmitted; skipped++) {
                if (reader.next() == null) {
                    break;
                }
            }
        } catch (IOException e) {
            failed(e);
            closeQuietly(reader);
            return new FileReader(null, alreadyEmitted);
        }
        return new FileReader(reader, alreadyEmitted);
    }

    private void failed(IOException e) {
        counters().filesFailed.inc();
        String message =
                e instanceof LogFileException
                        ? e.getMessage()
                        : "cannot be read: " + e; // the exception names the file itself
        // One line per bad file; the message names the file and what is wrong with it.
        LOG.warn("Skipped a bad CloudTrail file, the job goes on: {}", message);
    }

    private static void closeQuietly(LogFileReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                LOG.debug("{}: error while closing", reader.origin(), e);
            }
        }
    }

    /** Reads one file; {@code null} reader for a file that was skipped or failed to open. */
    private final class FileReader implements Reader<CloudTrailRecord> {
        private LogFileReader reader;
        private long emitted;
        private long countedRead;
        private long countedMalformed;

        FileReader(LogFileReader reader, long alreadyEmitted) {
            this.reader = reader;
            this.emitted = alreadyEmitted;
        }

        @Override
        public RecordIterator<CloudTrailRecord> readBatch() throws IOException {
            if (reader == null) {
                return null;
            }
            CloudTrailRecord[] batch = new CloudTrailRecord[batchSize];
            int size = 0;
            try {
                CloudTrailRecord record;
                while (size < batch.length && (record = reader.next()) != null) {
                    batch[size++] = record;
                }
                if (size < batch.length) {
                    finish();
                }
            } catch (IOException e) {
                failed(e);
                finish();
            }
            updateCounters();
            if (size == 0) {
                return null;
            }
            ArrayResultIterator<CloudTrailRecord> records = new ArrayResultIterator<>();
            records.set(batch, size, CheckpointedPosition.NO_OFFSET, emitted);
            emitted += size;
            return records;
        }

        @Override
        public void close() throws IOException {
            if (reader != null) {
                updateCounters();
                reader.close();
                reader = null;
            }
        }

        private void finish() throws IOException {
            updateCounters();
            LogFileReader done = reader;
            reader = null;
            done.close();
        }

        private void updateCounters() {
            if (reader == null) {
                return;
            }
            Counters all = counters();
            all.recordsRead.inc(reader.recordsRead() - countedRead);
            all.recordsMalformed.inc(reader.malformedRecords() - countedMalformed);
            countedRead = reader.recordsRead();
            countedMalformed = reader.malformedRecords();
        }
    }

    /** The format's counters, in a metric group when one was given. */
    static final class Counters {
        final Counter recordsRead;
        final Counter recordsMalformed;
        final Counter filesFailed;
        final Counter filesSkipped;

        Counters(MetricGroup group) {
            recordsRead = counter(group, "recordsRead");
            recordsMalformed = counter(group, "recordsMalformed");
            filesFailed = counter(group, "filesFailed");
            filesSkipped = counter(group, "filesSkipped");
        }

        private static Counter counter(MetricGroup group, String name) {
            return group == null ? new SimpleCounter() : group.counter(name);
        }
    }
}
