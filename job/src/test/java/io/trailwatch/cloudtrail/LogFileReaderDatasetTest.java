package io.trailwatch.cloudtrail;

import static io.trailwatch.cloudtrail.LogFiles.DATASETS;
import static io.trailwatch.cloudtrail.LogFiles.gzip;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every real CloudTrail file in the test datasets reads completely, with the expected counts. */
class LogFileReaderDatasetTest {

    private static final int INVICTUS_RECORDS = 2_900;
    private static final int STRATUS_RECORDS = 310;
    private static final int PANTHER_RECORDS = 440;

    /**
     * Panther's hand-written test events: 119 write eventTime as "2025-01-21 17:49:47.000000000" (a
     * space, not ISO-8601's T) and 17 have "eventTime": null. DESIGN makes them malformed.
     */
    private static final int PANTHER_INVALID_EVENT_TIMES = 136;

    @Test
    void invictusLogFilesReadCompletely() throws IOException {
        Totals totals = readAll(jsonFilesIn(DATASETS.resolve("invictus")));

        assertThat(totals.files).isEqualTo(55);
        assertThat(totals.read).isEqualTo(INVICTUS_RECORDS);
        assertThat(totals.malformed).isZero();
    }

    @Test
    void stratusArraysOfRecordsReadCompletely() throws IOException {
        Totals totals = readAll(jsonFilesIn(DATASETS.resolve("stratus")));

        assertThat(totals.files).isEqualTo(35);
        assertThat(totals.read).isEqualTo(STRATUS_RECORDS);
        assertThat(totals.malformed).isZero();
    }

    @Test
    void pantherRecordsPerLineAllParseButThoseWithoutIsoEventTimeAreMalformed() {
        LogFiles.Outcome outcome = LogFiles.read(DATASETS.resolve("panther-test-events.ndjson"));

        assertThat(outcome.error()).isNull();
        assertThat(outcome.reader().recordsRead() + outcome.reader().malformedRecords())
                .isEqualTo(PANTHER_RECORDS);
        assertThat(outcome.reader().malformedRecords()).isEqualTo(PANTHER_INVALID_EVENT_TIMES);
        assertThat(outcome.records()).allMatch(CloudTrailRecord::hasValidEventTime);
    }

    @Test
    void gzippedFileReadsLikeThePlainOne() throws IOException {
        Path file =
                DATASETS.resolve(
                        "invictus/218007301253_CloudTrail_us-east-1_20230710T1145Z_7xgocspSowgK0Gto.json");
        byte[] plain = Files.readAllBytes(file);

        LogFiles.Outcome fromPlain = LogFiles.read("plain.json", plain);
        LogFiles.Outcome fromGzip = LogFiles.read("plain.json", gzip(plain));

        assertThat(fromGzip.error()).isNull();
        assertThat(fromGzip.records()).isNotEmpty().isEqualTo(fromPlain.records());
        assertThat(fromGzip.reader().uncompressedBytesRead()).isEqualTo(plain.length);
        assertThat(fromGzip.reader().storedBytesRead()).isLessThan(plain.length);
    }

    @Test
    void recordsCarryTheirOrigin() {
        Path file = DATASETS.resolve("stratus/aws.defense-evasion.cloudtrail-stop.json");

        LogFiles.Outcome outcome = LogFiles.read(file);

        assertThat(outcome.records()).isNotEmpty();
        assertThat(outcome.records()).allMatch(r -> r.origin().equals(file.toString()));
    }

    private static List<Path> jsonFilesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Totals readAll(List<Path> files) {
        Totals totals = new Totals();
        for (Path file : files) {
            LogFiles.Outcome outcome = LogFiles.read(file);
            assertThat(outcome.error()).as(file.toString()).isNull();
            totals.files++;
            totals.read += outcome.reader().recordsRead();
            totals.malformed += outcome.reader().malformedRecords();
        }
        return totals;
    }

    private static final class Totals {
        int files;
        long read;
        long malformed;
    }
}
