package io.trailwatch.cloudtrail;

import org.apache.flink.api.common.watermark.Watermark;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.source.reader.SourceReaderOptions;
import org.apache.flink.metrics.groups.SourceReaderMetricGroup;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * The reader context of a file source reader that keeps several files assigned ahead. Flink's file
 * reader asks for one file at a time, so its fetcher thread runs out of work after every file, is
 * shut down and started again: a thread per file, and in Flink 2.2 a shutdown can miss its
 * hand-over and leave the fetcher waiting until the reader's close times out (FLINK-40660), which
 * stalled {@code detect} for up to 30 s. Asking for {@code filesAhead} files at the first request,
 * and one per finished file after that, keeps the fetcher busy until the input runs out.
 *
 * <p>The one shutdown left, at the end of the input, still hits that race, so the reader's close
 * waits at most {@link #CLOSE_TIMEOUT_MILLIS} for its fetcher: every record has been emitted by
 * then, and a fetcher stuck in the race only holds an idle thread.
 */
final class PrefetchingReaderContext implements SourceReaderContext {

    static final long CLOSE_TIMEOUT_MILLIS = 1_000;

    private final SourceReaderContext context;
    private final int filesAhead;
    private boolean requestedAhead;

    PrefetchingReaderContext(SourceReaderContext context, int filesAhead) {
        this.context = context;
        this.filesAhead = filesAhead;
    }

    @Override
    public void sendSplitRequest() {
        int requests = requestedAhead ? 1 : filesAhead;
        requestedAhead = true;
        for (int i = 0; i < requests; i++) {
            context.sendSplitRequest();
        }
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
