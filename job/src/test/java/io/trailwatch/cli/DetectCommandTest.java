package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.pipeline.RepositoryFiles;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code detect} command line: its output, and what it says about bad input. */
class DetectCommandTest {

    private static final Path STRATUS = RepositoryFiles.dataset("stratus");
    private static final Path CLOUDTRAIL_STOP =
            STRATUS.resolve("aws.defense-evasion.cloudtrail-stop.json");
    private static final Path CLOUDTRAIL_PATTERNS =
            RepositoryFiles.patterns().resolve("attacks/cloudtrail-stopped-or-deleted.yaml");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void writesOneAlertPerLineInTheAlertSchema(@TempDir Path dir) throws Exception {
        Path alertsFile = dir.resolve("out/alerts.jsonl");

        int code =
                detect(
                        "--patterns", CLOUDTRAIL_PATTERNS.toString(),
                        "--logs", CLOUDTRAIL_STOP.toString(),
                        "--alerts", alertsFile.toString());

        assertThat(code).isZero();
        List<String> lines = Files.readAllLines(alertsFile);
        assertThat(lines).hasSize(1);
        Alert alert = AlertJson.parse(lines.get(0));
        assertThat(alert.patternId).isEqualTo("cloudtrail-stopped-or-deleted");
        assertThat(alert.count).isEqualTo(1);
        assertThat(alert.events[0]).contains("\"eventName\":\"StopLogging\"");
        assertThat(stderr()).contains("1 patterns, 1 alerts");
    }

    @Test
    void printsAlertsOnStandardOutputByDefault() throws Exception {
        int code =
                detect("--patterns", CLOUDTRAIL_PATTERNS.toString(), "--logs", STRATUS.toString());

        assertThat(code).isZero();
        String[] lines = stdout().strip().split("\n");
        assertThat(lines).hasSize(2); // the stop and the delete technique
        for (String line : lines) {
            assertThat(AlertJson.parse(line).patternId).isEqualTo("cloudtrail-stopped-or-deleted");
        }
        assertThat(stderr()).contains("detect: 310 records");
    }

    @Test
    void aDirectoryWithoutLogFilesReadsNothingAndSucceeds(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("README.md"), "not a log file");

        int code = detect("--patterns", CLOUDTRAIL_PATTERNS.toString(), "--logs", dir.toString());

        assertThat(code).isZero();
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).contains("detect: 0 records").contains("0 alerts");
    }

    @Test
    void writesAggregatesThatSumToTheRecordsRead(@TempDir Path dir) throws Exception {
        Path aggregates = dir.resolve("aggregates");

        int code =
                detect(
                        "--patterns", CLOUDTRAIL_PATTERNS.toString(),
                        "--logs", STRATUS.toString(),
                        "--aggregates", aggregates.toString());

        assertThat(code).isZero();
        long events = 0;
        try (var files = Files.walk(aggregates.resolve("aggregates/minute"))) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                for (String row : gunzipLines(file)) {
                    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(row);
                    if (json.get("dimension").asText().equals("account")) {
                        events += json.get("events").asLong();
                    }
                }
            }
        }
        assertThat(events).isEqualTo(310);
    }

    @Test
    void corruptLogFileIsReportedAndTheOtherFilesAreStillRead(@TempDir Path dir) throws Exception {
        Files.copy(CLOUDTRAIL_STOP, dir.resolve("good.json"));
        byte[] gzip = gzip(Files.readAllBytes(CLOUDTRAIL_STOP));
        Files.write(
                dir.resolve("truncated.json.gz"), java.util.Arrays.copyOf(gzip, gzip.length / 2));
        Files.writeString(dir.resolve("not-json.json"), "this is not JSON");
        Files.writeString(
                dir.resolve("README.md"), "not a log, and not read: only named files are");

        int code = detect("--patterns", CLOUDTRAIL_PATTERNS.toString(), "--logs", dir.toString());

        assertThat(code).isZero();
        assertThat(stdout().strip().split("\n")).hasSize(1);
        assertThat(stderr()).contains("2 files unreadable").contains("1 alerts");
    }

    /** The message for an over-long string names the flag that lifts the limit; the flag works. */
    @Test
    void maxStringLengthBoundsTheStringsAFileMayHold(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("long-policy.json");
        Files.writeString(
                log,
                "{\"Records\":[{\"eventID\":\"e1\",\"eventTime\":\"2024-05-01T00:00:00Z\","
                        + "\"eventName\":\"PutBucketPolicy\",\"requestParameters\":{\"policy\":\""
                        + "x".repeat(500)
                        + "\"}}]}");

        int limited = detect("--logs", log.toString(), "--max-string-length", "100");

        assertThat(limited).isZero();
        assertThat(stderr()).contains("detect: 0 records").contains("1 files unreadable");

        err.reset();
        int lifted = detect("--logs", log.toString(), "--max-string-length", "1000");

        assertThat(lifted).isZero();
        assertThat(stderr()).contains("detect: 1 records").contains("0 files unreadable");
    }

    @Test
    void maxStringLengthBelowOneIsAUsageError() throws Exception {
        int code = detect("--logs", CLOUDTRAIL_STOP.toString(), "--max-string-length", "0");

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("--max-string-length must be at least 1");
    }

    @Test
    void invalidPatternSetIsRefusedWithFileAndLine(@TempDir Path dir) throws Exception {
        Path pattern = dir.resolve("broken.yaml");
        Files.writeString(
                pattern,
                String.join(
                        "\n",
                        "id: broken",
                        "title: Broken",
                        "severity: urgent",
                        "filter: '{ $.eventName = ConsoleLogin }'",
                        ""));

        int code = detect("--patterns", pattern.toString(), "--logs", CLOUDTRAIL_STOP.toString());

        assertThat(code).isEqualTo(1);
        assertThat(stderr())
                .contains("broken.yaml:3")
                .contains("urgent")
                .contains("nothing was loaded");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void missingInputIsAUsageError() throws Exception {
        int code = detect("--logs", "/no/such/cloudtrail");

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("--logs: no such file or directory: /no/such/cloudtrail");
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        int code = detect("--log", CLOUDTRAIL_STOP.toString());

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("unknown option --log");
    }

    private int detect(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "detect";
        System.arraycopy(args, 0, command, 1, args.length);
        return TrailWatch.run(
                command,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static List<String> gunzipLines(Path file) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream zip = new GZIPOutputStream(bytes)) {
            zip.write(data);
        }
        return bytes.toByteArray();
    }
}
