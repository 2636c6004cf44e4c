package io.trailwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The latency section end to end on the emulators, with a handful of notifications; no timing. */
class EmulatorLatencyProbeTest {

    private static final int NOTIFICATIONS = 5;

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(EmulatorLatencyProbe.PARALLELISM)
                            .build());

    @Test
    void everyNotificationGetsItsAlertAndOneMeasurement() throws Exception {
        LatencySettings settings = LatencySettings.defaults().withNotifications(NOTIFICATIONS);
        ByteArrayOutputStream progress = new ByteArrayOutputStream();

        LatencySample sample =
                new EmulatorLatencyProbe()
                        .measure(settings, new PrintStream(progress, true, StandardCharsets.UTF_8));

        assertThat(sample.missing()).as("notifications without an alert").isZero();
        assertThat(sample.count()).isEqualTo(NOTIFICATIONS);
        assertThat(sample.latenciesNanos()).allSatisfy(nanos -> assertThat(nanos).isPositive());
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("sending 5 notifications");
    }

    @Test
    void theBenchmarkFindsTheProbeOnTheTestClassPath() {
        assertThat(ServiceLoader.load(LatencyProbe.class).findFirst())
                .get()
                .isInstanceOf(EmulatorLatencyProbe.class);
    }
}
