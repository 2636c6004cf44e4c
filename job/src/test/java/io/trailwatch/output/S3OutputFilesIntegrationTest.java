package io.trailwatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.aggregate.Dimension;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordFlattener;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.CloudTrailPipeline;
import io.trailwatch.pipeline.DetectionStreams;
import io.trailwatch.pipeline.PipelineSettings;
import io.trailwatch.pipeline.RepositoryFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A streaming job at parallelism 2 with checkpointing writes the outputs of the bundled sample logs
 * through Flink's S3 file system to S3Proxy; the test reads the objects back with the AWS SDK.
 */
class S3OutputFilesIntegrationTest {

    private static final String BUCKET = "trailwatch-output";
    private static final String PREFIX = "job-1";

    /** Started before the MiniCluster, whose task managers take its S3 configuration. */
    private static final LocalS3 S3 = LocalS3.start();

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setConfiguration(S3.flinkConfiguration())
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path patternsDir;

    @BeforeAll
    static void pointS3FileSystemAtS3Proxy() {
        FileSystem.initialize(S3.flinkConfiguration(), LocalS3.s3Plugin(S3.flinkConfiguration()));
        S3.client.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void stopS3Proxy() throws Exception {
        FileSystem.initialize(new Configuration(), null);
        S3.close();
    }

    @Test
    void aggregatesInS3SumToTheInputPerDimensionAndAlertsAreArchived() throws Exception {
        List<CloudTrailRecord> records = sampleRecordsInTimeOrder();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(2);
        env.enableCheckpointing(500);
        DetectionStreams streams =
                new CloudTrailPipeline(getUserPattern(), PipelineSettings.defaults())
                        .attach(
                                env.fromData(
                                                TypeInformation.of(CloudTrailRecord.class),
                                                records.toArray(new CloudTrailRecord[0]))
                                        .setParallelism(1));
        OutputFiles.attach(streams, OutputSettings.at("s3://" + BUCKET + "/" + PREFIX));
        env.execute("outputs to S3");

        WrittenOutput output = readBack();
        Map<String, Long> everyDimension =
                Arrays.stream(Dimension.values())
                        .collect(
                                Collectors.toMap(
                                        Dimension::outputName,
                                        dimension -> (long) records.size(),
                                        (a, b) -> a,
                                        TreeMap::new));
        assertThat(output.aggregateTotals("minute")).isEqualTo(everyDimension);
        assertThat(output.aggregateTotals("hour")).isEqualTo(everyDimension);
        output.assertPartitionedBy("aggregates/minute/", "windowStart");
        assertThat(output.lines("late/")).as("records in time order are never late").isEmpty();

        List<JsonNode> alerts = output.lines("alerts/");
        assertThat(alerts).hasSize(GET_USER_EVENTS);
        assertThat(alerts)
                .extracting(alert -> alert.get("alertId").asText())
                .doesNotHaveDuplicates();
        output.assertPartitionedBy("alerts/", "firstEventTime");
    }

    /** The sample logs hold this many GetUser calls: one alert each. */
    private static final int GET_USER_EVENTS = 130;

    private static PatternSet getUserPattern() throws Exception {
        Path file = patternsDir.resolve("get-user.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "id: get-user",
                        "title: GetUser called",
                        "severity: info",
                        "filter: '{ $.eventName = \"GetUser\" }'",
                        ""));
        return PatternLoader.load(file);
    }

    private static WrittenOutput readBack() {
        WrittenOutput output = new WrittenOutput();
        for (S3Object object :
                S3.client
                        .listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(PREFIX + "/"))
                        .contents()) {
            byte[] content =
                    S3.client
                            .getObjectAsBytes(b -> b.bucket(BUCKET).key(object.key()))
                            .asByteArray();
            output.add(object.key().substring(PREFIX.length() + 1), content);
        }
        return output;
    }

    /** The bundled sample logs (invictus-ir/aws_dataset, MIT), one record each, by event time. */
    private static List<CloudTrailRecord> sampleRecordsInTimeOrder() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<CloudTrailRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RepositoryFiles.root().resolve("samples/AWSLogs"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json.gz")).toList()) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    for (JsonNode record : mapper.readTree(in).get("Records")) {
                        records.add(RecordFlattener.flatten(record.toString()));
                    }
                }
            }
        }
        records.sort(Comparator.comparingLong(CloudTrailRecord::eventTimeMillis));
        return records;
    }
}
