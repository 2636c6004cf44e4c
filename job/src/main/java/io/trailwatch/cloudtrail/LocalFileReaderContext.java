package io.trailwatch.cloudtrail;

import org.apache.flink.api.common.watermark.Watermark;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * The reader context of the local file source: the reader's close waits at most {@link
 * #CLOSE_TIMEOUT_MILLIS} for its fetcher thread instead of Flink's 30 s. Flink's file reader asks
 * for one file at a time, so its fetcher runs out of work after every file and is shut down; in
 * Flink 2.2 such a shutdown can miss its hand-over and leave the fetcher waiting forever
 * (FLINK-40660), and the reader's close then waited its whole timeout, which stalled {@code detect}
 * for 30 s. By the time the reader closes every record has been emitted, so a fetcher stuck that
 * way only holds an idle thread.
 *
 * <p>Asking for several files ahead, which would spare the fetcher restarts, made the race worse: a
 * reader once waited forever on a fetcher blocked handing over records.
 */
final class LocalFileReaderContext implements SourceReaderContext {

    static final long CLOSE_TIMEOUT_MILLIS = 1_000;

    private final SourceReaderContext context;

    LocalFileReaderContext(SourceReaderContext context) {
        this.context = context;
    }

    @Override
    public void sendSplitRequest() {
        context.sendSplitRequest();
    }

    @Override
    public SourceReaderMetricGroup metricGroup() {
        return context.metricGroup();
    }

    @Override
    public Configuration getConfiguration() {
        Configuration config = new Configuration(context.getConfiguration());
        config.set(SourceReaderOptions.SOURCE_READER_CLOSE_TIMEOUT, CLOSE_TIMEOUT_MILLIS);
        return config;
    }

    @Override
    public String getLocalHostName() {
        return context.getLocalHostName();
    }

    @Override
    public int getIndexOfSubtask() {
        return context.getIndexOfSubtask();
    }

    @Override
    public void sendSourceEventToCoordinator(SourceEvent sourceEvent) {
        context.sendSourceEventToCoordinator(sourceEvent);
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        return context.getUserCodeClassLoader();
    }

    @Override
    public int currentParallelism() {
        return context.currentParallelism();
    }

    @Override
    public void emitWatermark(Watermark watermark) {
        context.emitWatermark(watermark);
    }
}
