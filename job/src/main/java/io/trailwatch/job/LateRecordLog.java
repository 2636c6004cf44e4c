package io.trailwatch.job;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each record that arrived behind the watermark at WARN, for jobs without file outputs (with
 * {@code output.path} they are written under {@code late/}): DESIGN §1 wants none dropped silently.
 */
final class LateRecordLog implements Sink<String> {
    private static final long serialVersionUID = 1L;

    @Override
    public SinkWriter<String> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            private final Logger log = LoggerFactory.getLogger(LateRecordLog.class);

            @Override
            public void write(String record, Context context) {
                log.warn(
                        "late record (behind the watermark; set output.path to keep late records"
                                + " in files): {}",
                        record);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
