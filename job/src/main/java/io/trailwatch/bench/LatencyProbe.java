package io.trailwatch.bench;

import java.io.PrintStream;

/**
 * Measures the streaming job's latency from an SQS notification to the SNS alert (the {@code
 * latency} section). The implementation needs the AWS emulators, which are test-scope dependencies,
 * so it is found with {@link java.util.ServiceLoader} on the test class path, as the Maven {@code
 * bench} profile runs it.
 */
public interface LatencyProbe {

    /**
     * Runs the job, sends {@code settings.notifications()} notifications, and returns one
     * measurement per notification whose alert arrived.
     *
     * @param progress gets a line now and then about what the probe is doing
     */
    LatencySample measure(LatencySettings settings, PrintStream progress) throws Exception;
}
