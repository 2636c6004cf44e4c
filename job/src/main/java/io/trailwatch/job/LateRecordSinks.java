package io.trailwatch.job;

import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where records that arrived behind the watermark go (DESIGN §1: never dropped silently): JSON
 * Lines files under {@code <output.path>/late-records/}, committed exactly once on checkpoints, or,
 * without an output path, the task manager log.
 */
public final class LateRecordSinks {

    static final String DIRECTORY = "late-records";

    private LateRecordSinks() {}

    public static Sink<String> files(String outputPath) {
        return FileSink.forRowFormat(
                        new Path(outputPath, DIRECTORY), new SimpleStringEncoder<String>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .build();
    }

    public static Sink<String> log() {
        return new LoggingSink();
    }

    /** Logs each late record at WARN; for runs without a file output. */
    static final class LoggingSink implements Sink<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public SinkWriter<String> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                private final Logger log = LoggerFactory.getLogger(LateRecordSinks.class);

                @Override
                public void write(String record, Context context) {
                    log.warn(
                            "late record (behind the watermark; set output.path to keep it in"
                                    + " files): {}",
                            record);
                }

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
