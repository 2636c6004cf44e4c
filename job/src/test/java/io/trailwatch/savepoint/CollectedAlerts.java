package io.trailwatch.savepoint;

import io.trailwatch.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink that keeps every alert in this JVM, where the MiniCluster runs, so a test can read the
 * alerts of a job it stopped with a savepoint (a collect sink ends with its job).
 */
final class CollectedAlerts implements Sink<Alert> {

    private static final long serialVersionUID = 1L;
    private static final ConcurrentLinkedQueue<Alert> ALERTS = new ConcurrentLinkedQueue<>();

    static void clear() {
        ALERTS.clear();
    }

    static List<Alert> all() {
        return new ArrayList<>(ALERTS);
    }

    @Override
    public SinkWriter<Alert> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(Alert alert, Context context) {
                ALERTS.add(alert);
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
