package io.trailwatch.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files a bounded run reads, and how they are batched. */
class LocalLogFilesTest {

    @TempDir java.nio.file.Path dir;

    @Test
    void batchesEveryLogFileOnceInPathOrderAndSkipsOtherFiles() throws IOException {
        int logs = LocalLogFiles.FILES_PER_BATCH + 3;
        for (int i = 0; i < logs; i++) {
            write(String.format("AWSLogs/1/CloudTrail/eu-west-1/f%03d.json.gz", i), "x");
        }
        write("AWSLogs/README.md", "not a log");
        write("AWSLogs/.hidden.json", "{}");

        List<List<Tuple2<String, Long>>> batches =
                LocalLogFiles.batches(Path.fromLocalFile(dir.toFile()));

        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).hasSize(LocalLogFiles.FILES_PER_BATCH);
        List<String> names =
                batches.stream()
                        .flatMap(List::stream)
                        .map(file -> file.f0.substring(file.f0.lastIndexOf('/') + 1))
                        .toList();
        assertThat(names)
                .containsExactlyElementsOf(
                        IntStream.range(0, logs)
                                .mapToObj(i -> String.format("f%03d.json.gz", i))
                                .toList());
        assertThat(batches.get(1).get(0).f1).isEqualTo(1L);
    }

    @Test
    void readsAFileNamedOnTheCommandLineWhateverItsName() throws IOException {
        java.nio.file.Path named = write("export.txt", "{}");

        List<List<Tuple2<String, Long>>> batches =
                LocalLogFiles.batches(Path.fromLocalFile(named.toFile()));

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0))
                .singleElement()
                .satisfies(f -> assertThat(f.f0).endsWith("export.txt"));
    }

    /** Names are checked before the file system is asked; a directory is still a directory. */
    @Test
    void aDirectoryNamedLikeALogIsSearched() throws IOException {
        write("exports/2024.json/AWSLogs/f000.json.gz", "x");

        assertThat(LocalLogFiles.batches(Path.fromLocalFile(dir.toFile())))
                .singleElement()
                .satisfies(
                        batch ->
                                assertThat(batch)
                                        .singleElement()
                                        .satisfies(
                                                file ->
                                                        assertThat(file.f0)
                                                                .endsWith(
                                                                        "2024.json/AWSLogs/f000.json.gz")));
    }

    @Test
    void anEmptyDirectoryHasNoBatches() throws IOException {
        assertThat(LocalLogFiles.batches(Path.fromLocalFile(dir.toFile()))).isEmpty();
    }

    /**
     * Batch execution sizes a stage whose parallelism is not set by the bytes it reads; the readers
     * read only a file list, and were sized to one, so a bounded run used one core whatever its
     * parallelism.
     */
    @Test
    void batchesAreReadAtTheRunsParallelism() throws Exception {
        int logs = LocalLogFiles.FILES_PER_BATCH * 4;
        for (int i = 0; i < logs; i++) {
            write(
                    String.format("AWSLogs/1/CloudTrail/eu-west-1/f%03d.json", i),
                    "{\"Records\":[{\"eventID\":\"e"
                            + i
                            + "\","
                            + "\"eventTime\":\"2024-05-01T00:00:00Z\"}]}");
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);

        List<Integer> readers =
                LocalLogFiles.read(env, ReadLimits.DEFAULTS, Path.fromLocalFile(dir.toFile()))
                        .map(new ReaderIndex())
                        .executeAndCollect(logs);

        assertThat(readers).hasSize(logs).containsOnly(0, 1).contains(0, 1);
    }

    /** The index of the parallel reader that read a record. */
    private static final class ReaderIndex extends RichMapFunction<CloudTrailRecord, Integer> {
        @Override
        public Integer map(CloudTrailRecord record) {
            return getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        }
    }

    private java.nio.file.Path write(String relative, String content) throws IOException {
        java.nio.file.Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }
}
