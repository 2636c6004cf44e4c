package io.trailwatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.aggregate.Dimension;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.LocalDetection;
import io.trailwatch.pipeline.PipelineSettings;
import io.trailwatch.pipeline.RepositoryFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect}'s bounded run writing its outputs to a local directory (batch mode). */
class LocalOutputFilesTest {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    /** A small pattern set, so the test spends its time on the outputs: 130 sample events. */
    private static final String GET_USER_PATTERN =
            String.join(
                    "\n",
                    "id: get-user",
                    "title: GetUser called",
                    "severity: info",
                    "filter: '{ $.eventName = \"GetUser\" }'",
                    "");

    @TempDir Path outputDir;
    @TempDir Path patternsDir;

    @Test
    void aBatchRunWritesAggregatesThatSumToItsRecordsAndArchivesItsAlerts() throws Exception {
        Path patternFile = patternsDir.resolve("get-user.yaml");
        Files.writeString(patternFile, GET_USER_PATTERN);
        PatternSet patterns = PatternLoader.load(patternFile);
        Path samples = RepositoryFiles.root().resolve("samples/AWSLogs");

        LocalDetection.Result result =
                new LocalDetection(patterns, PipelineSettings.defaults(), 2)
                        .withOutputs(OutputSettings.at(outputDir.toUri().toString()))
                        .run(List.of(samples));

        WrittenOutput output = WrittenOutput.ofDirectory(outputDir);
        assertThat(result.records()).isPositive();
        Map<String, Long> everyDimension =
                Arrays.stream(Dimension.values())
                        .collect(
                                Collectors.toMap(
                                        Dimension::outputName,
                                        dimension -> result.records(),
                                        (a, b) -> a,
                                        TreeMap::new));
        assertThat(output.aggregateTotals("minute")).isEqualTo(everyDimension);
        assertThat(output.aggregateTotals("hour")).isEqualTo(everyDimension);
        output.assertPartitionedBy("aggregates/minute/", "windowStart");
        output.assertPartitionedBy("aggregates/hour/", "windowStart");
        assertThat(output.files.keySet())
                .filteredOn(path -> path.startsWith("aggregates/"))
                .allMatch(path -> path.endsWith(".jsonl.gz"));

        assertThat(result.alerts()).hasSize(130);
        assertThat(output.lines("alerts/"))
                .extracting(alert -> alert.get("alertId").asText())
                .containsExactlyInAnyOrderElementsOf(
                        result.alerts().stream().map(alert -> alert.alertId).toList());
        output.assertPartitionedBy("alerts/", "firstEventTime");
        assertThat(output.lines("late/")).as("no record of a bounded run is late").isEmpty();
    }
}
