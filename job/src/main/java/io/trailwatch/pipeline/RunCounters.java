package io.trailwatch.pipeline;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Collects the counters of a local, in-process run so that a bounded command can report them when
 * the job is done (files that failed, malformed records). Flink's metrics are otherwise only
 * visible to reporters; this is one, registered for a single run.
 */
public final class RunCounters {

    private static final String REPORTER = "trailwatch-run";
    private static final String RUN_ID = "run-id";
    private static final Map<String, RunCounters> RUNS = new ConcurrentHashMap<>();

    private final String id = UUID.randomUUID().toString();
    private final Map<String, CopyOnWriteArrayList<Counter>> byName = new ConcurrentHashMap<>();

    /** Adds the reporter for this run to a local environment's configuration. */
    public Configuration register(Configuration config) {
        RUNS.put(id, this);
        config.setString(
                "metrics.reporter." + REPORTER + ".factory.class", Factory.class.getName());
        config.setString("metrics.reporter." + REPORTER + "." + RUN_ID, id);
        return config;
    }

    /** The sum over all subtasks of the counters with this name, read when the run is over. */
    public long sum(String name) {
        long total = 0;
        for (Counter counter : byName.getOrDefault(name, new CopyOnWriteArrayList<>())) {
            total += counter.getCount();
        }
        return total;
    }

    /** Forgets the run; call once its counters have been read. */
    public void close() {
        RUNS.remove(id);
    }

    /** Creates the reporter of the run named in its configuration. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(java.util.Properties properties) {
            return new Reporter(RUNS.get(properties.getProperty(RUN_ID)));
        }
    }

    private static final class Reporter implements MetricReporter {
        private final RunCounters run;

        Reporter(RunCounters run) {
            this.run = run;
        }

        @Override
        public void open(MetricConfig config) {}

        @Override
        public void close() {}

        @Override
        public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
            if (run != null && metric instanceof Counter) {
                run.byName
                        .computeIfAbsent(name, k -> new CopyOnWriteArrayList<>())
                        .add((Counter) metric);
            }
        }

        @Override
        public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
            // Keep the counter: its final value is what the run reports.
        }
    }
}
