package io.trailwatch.reliability;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source that behaves exactly like the one it wraps until its fault is due, then fails its task
 * once (an exception from {@code pollNext}, as a crashing reader would): Flink restarts the job
 * from the last completed checkpoint. Counts the records all readers emitted, job-wide.
 */
final class FaultInjectingSource<S extends SourceSplit, E>
        implements Source<CloudTrailRecord, S, E>, ResultTypeQueryable<CloudTrailRecord> {
    private static final long serialVersionUID = 1L;

    /** When the fault is due, given the records emitted so far by every reader of the job. */
    @FunctionalInterface
    interface Due extends Serializable {
        boolean at(long recordsEmitted);
    }

    private final Source<CloudTrailRecord, S, E> source;
    private final String fault;
    private final Due due;

    FaultInjectingSource(Source<CloudTrailRecord, S, E> source, String fault, Due due) {
        this.source = source;
        this.fault = fault;
        this.due = due;
    }

    private String recordCounter() {
        return fault + "/records";
    }

    @Override
    public TypeInformation<CloudTrailRecord> getProducedType() {
        return TypeInformation.of(CloudTrailRecord.class);
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SourceReader<CloudTrailRecord, S> createReader(SourceReaderContext context)
            throws Exception {
        return new Reader(source.createReader(context));
    }

    @Override
    public SplitEnumerator<S, E> createEnumerator(SplitEnumeratorContext<S> context)
            throws Exception {
        return source.createEnumerator(context);
    }

    @Override
    public SplitEnumerator<S, E> restoreEnumerator(SplitEnumeratorContext<S> context, E checkpoint)
            throws Exception {
        return source.restoreEnumerator(context, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<S> getSplitSerializer() {
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<E> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    private final class Reader implements SourceReader<CloudTrailRecord, S> {
        private final SourceReader<CloudTrailRecord, S> reader;
        private long emitted;

        Reader(SourceReader<CloudTrailRecord, S> reader) {
            this.reader = reader;
        }

        @Override
        public InputStatus pollNext(ReaderOutput<CloudTrailRecord> output) throws Exception {
            InputStatus status = reader.pollNext(new CountingReaderOutput(output));
            if (due.at(emitted) && Faults.fireOnce(fault)) {
                throw new InjectedFault(fault + " after " + emitted + " records in the job");
            }
            return status;
        }

        private void counted() {
            emitted = Faults.increment(recordCounter());
        }

        @Override
        public void start() {
            reader.start();
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            return reader.isAvailable();
        }

        @Override
        public void addSplits(List<S> splits) {
            reader.addSplits(splits);
        }

        @Override
        public void notifyNoMoreSplits() {
            reader.notifyNoMoreSplits();
        }

        @Override
        public void handleSourceEvents(SourceEvent event) {
            reader.handleSourceEvents(event);
        }

        @Override
        public List<S> snapshotState(long checkpointId) {
            return reader.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            reader.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            reader.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void close() throws Exception {
            reader.close();
        }

        /** Counts records on the way out, per split output as well. */
        private final class CountingReaderOutput implements ReaderOutput<CloudTrailRecord> {
            private final ReaderOutput<CloudTrailRecord> output;

            CountingReaderOutput(ReaderOutput<CloudTrailRecord> output) {
                this.output = output;
            }

            @Override
            public void collect(CloudTrailRecord record) {
                output.collect(record);
                counted();
            }

            @Override
            public void collect(CloudTrailRecord record, long timestamp) {
                output.collect(record, timestamp);
                counted();
            }

            @Override
            public void emitWatermark(Watermark watermark) {
                output.emitWatermark(watermark);
            }

            @Override
            public void markIdle() {
                output.markIdle();
            }

            @Override
            public void markActive() {
                output.markActive();
            }

            @Override
            public SourceOutput<CloudTrailRecord> createOutputForSplit(String splitId) {
                SourceOutput<CloudTrailRecord> split = output.createOutputForSplit(splitId);
                return new SourceOutput<>() {
                    @Override
                    public void collect(CloudTrailRecord record) {
                        split.collect(record);
                        counted();
                    }

                    @Override
                    public void collect(CloudTrailRecord record, long timestamp) {
                        split.collect(record, timestamp);
                        counted();
                    }

                    @Override
                    public void emitWatermark(Watermark watermark) {
                        split.emitWatermark(watermark);
                    }

                    @Override
                    public void markIdle() {
                        split.markIdle();
                    }

                    @Override
                    public void markActive() {
                        split.markActive();
                    }
                };
            }

            @Override
            public void releaseOutputForSplit(String splitId) {
                output.releaseOutputForSplit(splitId);
            }
        }
    }
}
