package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.pipeline.RepositoryFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Local commands end their process, with their exit status, although the local Flink cluster leaves
 * non-daemon threads behind (a finished {@code detect} once stayed alive for minutes).
 */
class LocalCommandExitTest {

    private static final long PROCESS_TIMEOUT_SECONDS = 90;

    @Test
    void detectEndsTheProcessWhenItIsDone() throws Exception {
        Path stratus = RepositoryFiles.dataset("stratus");
        Path pattern =
                RepositoryFiles.patterns().resolve("attacks/cloudtrail-stopped-or-deleted.yaml");

        Finished run =
                trailwatch(
                        "detect",
                        "--patterns",
                        pattern.toString(),
                        "--logs",
                        stratus.toString(),
                        "--alerts",
                        File.createTempFile("alerts", ".jsonl").toString());

        assertThat(run.exitCode).as(run.output).isZero();
        assertThat(run.output).contains("detect: 310 records");
    }

    @Test
    void aUsageErrorEndsTheProcessWithStatusTwo() throws Exception {
        Finished run = trailwatch("detect", "--logs", "/no/such/cloudtrail");

        assertThat(run.exitCode).as(run.output).isEqualTo(2);
        assertThat(run.output).contains("no such file or directory: /no/such/cloudtrail");
    }

    private record Finished(int exitCode, String output) {}

    private static Finished trailwatch(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TrailWatch.class.getName());
        command.addAll(List.of(args));
        // To a file, not a pipe: a full pipe would block the process before it could exit.
        File log = File.createTempFile("trailwatch", ".log");
        log.deleteOnExit();
        Process process =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        boolean ended = process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(ended).as("the process ended by itself; its output: %s", output).isTrue();
        return new Finished(process.exitValue(), output);
    }
}
