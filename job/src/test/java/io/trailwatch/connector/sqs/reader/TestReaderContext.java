package io.trailwatch.connector.sqs.reader;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;

/** What a source reader gets from its task, without a task: it keeps the events sent upstream. */
final class TestReaderContext implements SourceReaderContext {

    private final List<SourceEvent> sentToCoordinator = new CopyOnWriteArrayList<>();
    private final SourceReaderMetricGroup metrics =
            UnregisteredMetricsGroup.createSourceReaderMetricGroup();

    /** The events the reader sent to the enumerator, in order. */
    List<SourceEvent> sentToCoordinator() {
        return sentToCoordinator;
    }

    @Override
    public SourceReaderMetricGroup metricGroup() {
        return metrics;
    }

    @Override
    public Configuration getConfiguration() {
        return new Configuration();
    }

    @Override
    public String getLocalHostName() {
        return "localhost";
    }

    @Override
    public int getIndexOfSubtask() {
        return 0;
    }

    @Override
    public void sendSplitRequest() {}

    @Override
    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
        sentToCoordinator.add(sourceEvent);
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
    }
}
