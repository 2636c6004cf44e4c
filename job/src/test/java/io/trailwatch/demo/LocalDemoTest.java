package io.trailwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.aggregate.Dimension;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local demo's main class, as deploy/local/demo.sh runs it: it prints alerts that came through
 * SNS and the aggregate files the job wrote, and leaves nothing running.
 */
class LocalDemoTest {

    /** Records in the bundled samples (samples/README.md). */
    private static final long SAMPLE_RECORDS = 2900;

    private static final Set<String> SEVERITIES =
            Set.of("info", "low", "medium", "high", "critical");
    private static final Pattern EMULATOR_ENDPOINT =
            Pattern.compile("^    (SQS|S3|SNS) +(http://127\\.0\\.0\\.1:\\d+)$", Pattern.MULTILINE);

    @TempDir Path workDir;

    @Test
    @Timeout(240) // fails rather than hangs CI if the demo stalls
    void printsAlertsReceivedThroughSnsAndTheAggregateFilesAndStopsEverything() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LocalDemo.Result result;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            result = LocalDemo.run(workDir, false, out, out);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(result.exitCode()).as(output).isZero();
        assertThat(result.alerts()).as(output).isNotEmpty();
        assertThat(result.alerts())
                .as("every alert that arrived through SNS is printed on one line")
                .allSatisfy(
                        alert -> {
                            assertThat(output).contains(alert.text());
                            assertThat(SEVERITIES).contains(alert.severity);
                            Alert parsed = AlertJson.parse(alert.json);
                            assertThat(parsed.patternId).isEqualTo(alert.patternId);
                            assertThat(parsed.severity).isEqualTo(alert.severity);
                        });
        assertThat(result.alerts()).hasSize(result.output().archivedAlerts);
        assertThat(output)
                .contains(
                        String.format(
                                "%d alerts arrived through SNS (the alert archive holds %d)",
                                result.alerts().size(), result.output().archivedAlerts));
        assertThat(result.notificationsLeft()).as("notifications left in the queue").isZero();
        assertThat(result.deadLetters()).as("notifications in the dead-letter queue").isZero();

        assertThat(result.output().files)
                .as("aggregate files of both window sizes")
                .anyMatch(file -> file.startsWith("aggregates/minute"))
                .anyMatch(file -> file.startsWith("aggregates/hour"));
        assertThat(result.output().files)
                .allSatisfy(file -> assertThat(output).contains(file.toString()));
        assertThat(result.output().hourlyTotals)
                .as("every record is counted once per dimension, or written as a late record")
                .isEqualTo(everyDimensionCounts(SAMPLE_RECORDS - result.output().lateRecords));

        List<URI> endpoints = emulatorEndpoints(output);
        assertThat(endpoints).as("SQS, S3 and SNS endpoints printed").hasSize(3);
        assertThat(ProcessHandle.current().descendants())
                .as("child processes left running (fauxqs)")
                .isEmpty();
        for (URI endpoint : endpoints) {
            assertThatThrownBy(() -> new Socket(endpoint.getHost(), endpoint.getPort()).close())
                    .as("%s still listening", endpoint)
                    .isInstanceOf(IOException.class);
        }
    }

    private static Map<String, Long> everyDimensionCounts(long records) {
        Map<String, Long> totals = new TreeMap<>();
        for (Dimension dimension : Dimension.values()) {
            totals.put(dimension.outputName(), records);
        }
        return totals;
    }

    private static List<URI> emulatorEndpoints(String output) {
        Matcher matcher = EMULATOR_ENDPOINT.matcher(output);
        return matcher.results().map(match -> URI.create(match.group(2))).toList();
    }
}
