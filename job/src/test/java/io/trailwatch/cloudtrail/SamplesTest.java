package io.trailwatch.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The sample logs at the repository root are real log files in the S3 layout, and all parse. */
class SamplesTest {

    private static final Path SAMPLES =
            Path.of(System.getProperty("trailwatch.repo.root", ".."), "samples");
    private static final int SAMPLE_FILES = 55;
    private static final int SAMPLE_RECORDS = 2_900;
    private static final long MAX_SAMPLE_BYTES = 2L * 1024 * 1024;

    @Test
    void everySampleIsAGzippedLogFileInTheS3LayoutAndParses() throws IOException {
        List<Path> files = sampleLogFiles();
        long records = 0;
        long bytes = 0;
        for (Path file : files) {
            String relative = SAMPLES.relativize(file).toString().replace('\\', '/');
            CloudTrailObjectKey key = CloudTrailObjectKey.parse(relative);
            assertThat(key.isLogFile()).as(relative).isTrue();
            assertThat(key.hasStandardLayout()).as(relative).isTrue();
            assertThat(key.prefix()).as(relative).contains("");

            byte[] content = Files.readAllBytes(file);
            assertThat(content[0] & 0xff).as("gzip magic of " + relative).isEqualTo(0x1f);
            LogFiles.Outcome outcome = LogFiles.read(relative, content);
            assertThat(outcome.error()).as(relative).isNull();
            assertThat(outcome.reader().malformedRecords()).as(relative).isZero();
            records += outcome.records().size();
            bytes += content.length;
        }

        assertThat(files).hasSize(SAMPLE_FILES);
        assertThat(records).isEqualTo(SAMPLE_RECORDS);
        assertThat(bytes).isLessThan(MAX_SAMPLE_BYTES);
        assertThat(SAMPLES.resolve("LICENSE")).exists();
        assertThat(SAMPLES.resolve("README.md")).exists();
    }

    private static List<Path> sampleLogFiles() throws IOException {
        try (Stream<Path> all = Files.walk(SAMPLES.resolve("AWSLogs"))) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
