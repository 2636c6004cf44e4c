package io.trailwatch.cloudtrail;

import static io.trailwatch.cloudtrail.LogFiles.DATASETS;
import static io.trailwatch.cloudtrail.LogFiles.gzip;
import static io.trailwatch.cloudtrail.LogFiles.logFile;
import static io.trailwatch.cloudtrail.LogFiles.record;
import static io.trailwatch.cloudtrail.LogFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.CheckpointedPosition;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The Flink format reads good files completely and steps over bad ones. */
class CloudTrailLogFormatTest {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(PARALLELISM)
                            .build());

    private static final String INVICTUS_1 =
            "218007301253_CloudTrail_us-east-1_20230710T1145Z_7xgocspSowgK0Gto.json";
    private static final String INVICTUS_2 =
            "218007301253_CloudTrail_us-east-1_20230710T1205Z_86g9Vok9HiUCgSI7.json";
    private static final String INVICTUS_3 =
            "218007301253_CloudTrail_us-east-1_20230710T1230Z_04rtp9DpvIpSZzMr.json";
    private static final String STRATUS = "aws.persistence.iam-create-admin-user.json";

    @TempDir Path logs;

    @Test
    void allGoodRecordsArriveAndBadFilesAreSkipped() throws Exception {
        List<String> expected = new ArrayList<>();
        expected.addAll(copy("invictus/" + INVICTUS_1, "a/" + INVICTUS_1 + ".gz", true));
        expected.addAll(copy("invictus/" + INVICTUS_2, "a/b/" + INVICTUS_2, false));
        expected.addAll(copy("invictus/" + INVICTUS_3, "c/" + INVICTUS_3 + ".gz", true));
        expected.addAll(copy("stratus/" + STRATUS, "c/" + STRATUS, false));
        writeBadFiles();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        List<String> arrived =
                eventIds(LocalLogFiles.read(env, ReadLimits.DEFAULTS, flinkPath(logs)));

        assertThat(expected).hasSizeGreaterThan(50);
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void worksWithAPlainFileSourceToo() throws Exception {
        List<String> expected = copy("invictus/" + INVICTUS_1, INVICTUS_1 + ".gz", true);
        Files.write(logs.resolve("broken.json"), utf8("{\"Records\":"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARALLELISM);
        FileSource<CloudTrailRecord> source =
                FileSource.forBulkFileFormat(new CloudTrailLogFormat(), flinkPath(logs)).build();
        List<String> arrived =
                eventIds(env.fromSource(source, WatermarkStrategy.noWatermarks(), "files"));

        assertThat(arrived).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void countsRecordsAndFailedFiles() throws IOException {
        String good = logFile(record("e1"), "\"junk\"", record("e2"));
        Path goodFile = write("good.json", utf8(good));
        Path badFile = write("bad.json", utf8(logFile(record("e3")).replace("]}", ",{")));
        CloudTrailLogFormat format = new CloudTrailLogFormat(ReadLimits.DEFAULTS, 1);

        assertThat(readAll(format, split(goodFile, null))).containsExactly("e1", "e2");
        assertThat(readAll(format, split(badFile, null))).containsExactly("e3");

        assertThat(format.counters().recordsRead.getCount()).isEqualTo(3);
        assertThat(format.counters().recordsMalformed.getCount()).isEqualTo(1);
        assertThat(format.counters().filesFailed.getCount()).isEqualTo(1);
    }

    @Test
    void restoredReaderSkipsTheRecordsAlreadyEmitted() throws IOException {
        Path file = write("three.json", utf8(logFile(record("e1"), record("e2"), record("e3"))));
        CloudTrailLogFormat format = new CloudTrailLogFormat();

        List<String> rest =
                readAll(
                        format,
                        split(file, new CheckpointedPosition(CheckpointedPosition.NO_OFFSET, 2)));

        assertThat(rest).containsExactly("e3");
    }

    @Test
    void digestFilesAreSkippedByName() throws IOException {
        Path digest =
                write(
                        "123456789012_CloudTrail-Digest_us-east-1_trail_us-east-1_20230710T120000Z.json.gz",
                        gzip(logFile(record("should-not-be-read"))));
        CloudTrailLogFormat format = new CloudTrailLogFormat();

        assertThat(readAll(format, split(digest, null))).isEmpty();
        assertThat(format.counters().filesSkipped.getCount()).isEqualTo(1);
    }

    private static List<String> eventIds(DataStream<CloudTrailRecord> stream) throws Exception {
        List<String> ids = new ArrayList<>();
        CloseableIterator<CloudTrailRecord> records = stream.executeAndCollect();
        try {
            records.forEachRemaining(record -> ids.add(record.eventId()));
        } finally {
            records.close();
        }
        return ids;
    }

    private static org.apache.flink.core.fs.Path flinkPath(Path local) {
        return new org.apache.flink.core.fs.Path(local.toUri());
    }

    private void writeBadFiles() throws IOException {
        byte[] gz = gzip(Files.readAllBytes(DATASETS.resolve("invictus/" + INVICTUS_1)));
        write("bad/truncated.json.gz", Arrays.copyOf(gz, 40)); // cut before any record ends
        write("bad/not-json.json", utf8("this is not json"));
        write("bad/empty.json", new byte[0]);
        write("bad/records-not-array.json", utf8("{\"Records\":\"nope\"}"));
        write("bad/binary.json.gz", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0});
        write("bad/deep.json", utf8("[".repeat(10_000)));
        write(
                "digests/123456789012_CloudTrail-Digest_us-east-1_t_us-east-1_20230710T120000Z.json.gz",
                gzip(logFile(record("from-a-digest"))));
    }

    private List<String> copy(String dataset, String target, boolean gzipped) throws IOException {
        byte[] plain = Files.readAllBytes(DATASETS.resolve(dataset));
        write(target, gzipped ? gzip(plain) : plain);
        return LogFiles.read(dataset, plain).eventIds();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = logs.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    private static FileSourceSplit split(Path file, CheckpointedPosition position)
            throws IOException {
        long size = Files.size(file);
        return new FileSourceSplit(
                "split-" + file.getFileName(),
                flinkPath(file),
                0,
                size,
                0,
                size,
                new String[0],
                position);
    }

    private static List<String> readAll(CloudTrailLogFormat format, FileSourceSplit split)
            throws IOException {
        List<String> ids = new ArrayList<>();
        try (BulkFormat.Reader<CloudTrailRecord> reader =
                split.getReaderPosition().isPresent()
                        ? format.restoreReader(new Configuration(), split)
                        : format.createReader(new Configuration(), split)) {
            BulkFormat.RecordIterator<CloudTrailRecord> batch;
            while ((batch = reader.readBatch()) != null) {
                RecordAndPosition<CloudTrailRecord> next;
                while ((next = batch.next()) != null) {
                    ids.add(next.getRecord().eventId());
                }
                batch.releaseBatch();
            }
        }
        return ids;
    }
}
