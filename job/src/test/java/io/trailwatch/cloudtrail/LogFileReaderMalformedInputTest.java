package io.trailwatch.cloudtrail;

import static io.trailwatch.cloudtrail.LogFiles.gzip;
import static io.trailwatch.cloudtrail.LogFiles.logFile;
import static io.trailwatch.cloudtrail.LogFiles.record;
import static io.trailwatch.cloudtrail.LogFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.trailwatch.connector.sqs.config.SqsSourceOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Broken files fail with a {@link LogFileException} that names the file and says what is wrong;
 * records before the damage are still returned, and a broken record never hides its neighbours.
 */
class LogFileReaderMalformedInputTest {

    private static final String FILE = "s3://trail-bucket/AWSLogs/bad.json.gz";
    private static final String GOOD_RECORDS = logFile(record("e1"), record("e2"), record("e3"));

    @Test
    void truncatedGzipKeepsTheRecordsBeforeTheCut() {
        byte[] whole = gzip(bigLogFile(200));
        byte[] cut = Arrays.copyOf(whole, whole.length * 2 / 3);

        LogFiles.Outcome outcome = LogFiles.read(FILE, cut);

        assertThat(outcome.records()).isNotEmpty().hasSizeLessThan(200);
        assertThat(outcome.error())
                .hasMessageStartingWith(FILE + ": ")
                .hasMessageContaining("truncated");
    }

    @Test
    void gzipCutInsideItsHeaderIsTruncated() {
        byte[] cut = Arrays.copyOf(gzip(GOOD_RECORDS), 5);

        assertThat(LogFiles.read(FILE, cut).error())
                .hasMessage(FILE + ": is a truncated gzip stream: it ends inside the gzip header");
    }

    @Test
    void binaryThatIsNotGzipIsNamed() {
        byte[] zip = {0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00};

        assertThat(LogFiles.read(FILE, zip).error())
                .hasMessageStartingWith(
                        FILE
                                + ": is a zip archive (starts with bytes 50 4b 03 04), neither gzip"
                                + " nor JSON text; expected a CloudTrail log file");
        assertThat(LogFiles.read(FILE, new byte[] {0x01, 0x02, 0x03}).error())
                .hasMessageStartingWith(FILE + ": is binary data (starts with bytes 01 02 03)");
    }

    @Test
    void textThatIsNotJson() {
        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8("timestamp,eventName\n1,Foo\n"));

        assertThat(outcome.error())
                .hasMessageStartingWith(FILE + ": is not valid JSON at line 1, column 1")
                .hasMessageContaining("expected a CloudTrail log file {\"Records\":[{…},…]}");
    }

    @Test
    void jsonBrokenMidwayKeepsTheRecordsBefore() {
        String broken = logFile(record("e1"), record("e2")).replace("]}", ",{\"eventTime\" 12}]}");

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(broken));

        assertThat(outcome.eventIds()).containsExactly("e1", "e2");
        assertThat(outcome.error()).hasMessageStartingWith(FILE + ": is not valid JSON at line 1");
    }

    @Test
    void recordsThatIsNotAnArray() {
        LogFiles.Outcome outcome =
                LogFiles.read(FILE, utf8("{\"Records\":{\"eventTime\":\"2023-07-10T11:45:00Z\"}}"));

        assertThat(outcome.error())
                .hasMessage(
                        FILE
                                + ": has \"Records\" as an object at line 1, column 12; expected an"
                                + " array of CloudTrail records: {\"Records\":[{…},…]}");
    }

    @Test
    void recordThatIsAStringIsSkippedAndCounted() {
        String file = logFile(record("e1"), "\"not a record\"", "42", "null", record("e2"));

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(file));

        assertThat(outcome.error()).isNull();
        assertThat(outcome.eventIds()).containsExactly("e1", "e2");
        assertThat(outcome.reader().malformedRecords()).isEqualTo(3);
        assertThat(outcome.reader().recordsRead()).isEqualTo(2);
    }

    @Test
    void recordWithInvalidEventTimeIsSkippedAndCounted() {
        String file =
                logFile(
                        record("e1"),
                        record("no-iso", "2025-01-21 17:49:47", ""),
                        "{\"eventID\":\"no-time\",\"eventName\":\"X\"}",
                        "{\"eventID\":\"number-time\",\"eventTime\":1700000000}",
                        record("e2"));

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(file));

        assertThat(outcome.eventIds()).containsExactly("e1", "e2");
        assertThat(outcome.reader().malformedRecords()).isEqualTo(3);
    }

    @Test
    void emptyFile() {
        assertThat(LogFiles.read(FILE, new byte[0]).error())
                .hasMessageStartingWith(FILE + ": is empty (0 bytes); expected a CloudTrail");
        assertThat(LogFiles.read(FILE, utf8("  \n\n ")).error())
                .hasMessageStartingWith(FILE + ": has no JSON content");
        assertThat(LogFiles.read(FILE, gzip(new byte[0])).error())
                .hasMessageStartingWith(FILE + ": has no JSON content");
    }

    @Test
    void gzipBombStopsAtTheDecompressedLimit() {
        // 64 MiB of spaces compress to about 64 KiB.
        byte[] bomb = gzip(spacesThen(64 << 20, GOOD_RECORDS));
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxDecompressedBytes(1 << 20);

        LogFiles.Outcome outcome = LogFiles.read(FILE, bomb, limits);

        assertThat(outcome.error())
                .hasMessageStartingWith(
                        FILE
                                + ": decompresses to more than 1048576 bytes (limit maxDecompressedBytes)");
        assertThat(outcome.reader().uncompressedBytesRead()).isLessThan(2 << 20);
    }

    @Test
    void smallGzipFileReadWholeStillStopsAtTheDecompressedLimit() {
        // Small enough to be inflated in one call (WholeGzip), still over the limit.
        byte[] file = gzip(spacesThen(2 << 20, GOOD_RECORDS));
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxDecompressedBytes(1 << 20);

        LogFiles.Outcome outcome = LogFiles.read(FILE, file, limits);

        assertThat(outcome.records()).isEmpty();
        assertThat(outcome.error())
                .hasMessageStartingWith(
                        FILE
                                + ": decompresses to more than 1048576 bytes (limit maxDecompressedBytes)");
    }

    @Test
    void storedSizeOverTheLimit() {
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxCompressedBytes(100);

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(bigLogFile(10)), limits);

        assertThat(outcome.error())
                .hasMessageStartingWith(
                        FILE + ": is larger than 100 bytes as stored (limit maxCompressedBytes)");
    }

    @Test
    void deeplyNestedJsonFailsWithoutStackOverflow() {
        String deep = "[".repeat(100_000);

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(deep));

        assertThat(outcome.error())
                .hasMessageStartingWith(FILE + ": is nested deeper than 64 levels");
    }

    @Test
    void deeplyNestedRecordNamesTheRecordAndPath() {
        String nested = "{\"a\":".repeat(70) + "1" + "}".repeat(70);
        String file =
                logFile(record("e1"), record("e2", "2023-07-10T11:45:00Z", "\"x\":" + nested));

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(file));

        assertThat(outcome.eventIds()).containsExactly("e1");
        assertThat(outcome.error())
                .hasMessageStartingWith(FILE + ": record #1 at line 1")
                .hasMessageContaining("nested deeper than 64 levels at x.a.a.a");
    }

    @Test
    void recordWithTooManyEntriesIsSkippedAndTheNextIsRead() {
        String many = "\"big\":[" + "1,".repeat(500) + "1]";
        String file =
                logFile(record("e1"), record("big", "2023-07-10T11:45:00Z", many), record("e2"));
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxEntriesPerRecord(100);

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(file), limits);

        assertThat(outcome.error()).isNull();
        assertThat(outcome.eventIds()).containsExactly("e1", "e2");
        assertThat(outcome.reader().malformedRecords()).isEqualTo(1);
    }

    @Test
    void stringLongerThanTheLimitNamesTheRecordTheLimitAndTheOptionToRaise() {
        String longPolicy = "\"policy\":\"" + "x".repeat(1_001) + "\"";
        String file = logFile(record("e1"), record("e2", "2023-07-10T11:45:00Z", longPolicy));
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxStringLength(1_000);

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(file), limits);

        assertThat(outcome.eventIds()).containsExactly("e1");
        assertThat(outcome.error())
                .hasMessageStartingWith(
                        FILE
                                + ": record #1 has a string value longer than the limit of 1000"
                                + " characters at line 1")
                .hasMessageEndingWith(
                        "raise `detect --max-string-length` or the `run` option "
                                + SqsSourceOptions.MAX_STRING_LENGTH.key());
    }

    @Test
    void stringLimitHoldsAlsoForGzipFilesReadWhole() {
        String longPolicy = "\"policy\":\"" + "x".repeat(1_001) + "\"";
        String exactPolicy = "\"policy\":\"" + "x".repeat(1_000) + "\"";
        String file =
                logFile(
                        record("e1", "2023-07-10T11:45:00Z", exactPolicy),
                        record("e2", "2023-07-10T11:45:00Z", longPolicy));
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxStringLength(1_000);

        LogFiles.Outcome outcome = LogFiles.read(FILE, gzip(file), limits);

        assertThat(outcome.eventIds()).containsExactly("e1");
        assertThat(outcome.error())
                .hasMessageStartingWith(
                        FILE
                                + ": record #1 has a string value longer than the limit of 1000"
                                + " characters at line 1");
    }

    @Test
    void aSingleRecordObjectWithTooLongAStringIsRecordZero() {
        String record = record("e1", "2023-07-10T11:45:00Z", "\"k\":\"" + "y".repeat(101) + "\"");
        ReadLimits limits = ReadLimits.DEFAULTS.withMaxStringLength(100);

        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(record), limits);

        assertThat(outcome.error())
                .hasMessageStartingWith(FILE + ": record #0 has a string value longer than");
    }

    @Test
    void aStringOfExactlyTheLimitIsRead() {
        String policy = "\"policy\":\"" + "x".repeat(1_000) + "\"";
        String file = logFile(record("e1", "2023-07-10T11:45:00Z", policy));

        LogFiles.Outcome outcome =
                LogFiles.read(FILE, utf8(file), ReadLimits.DEFAULTS.withMaxStringLength(1_000));

        assertThat(outcome.error()).isNull();
        assertThat(outcome.eventIds()).containsExactly("e1");
    }

    @Test
    void theDefaultStringLimitIsJacksons() {
        assertThat(ReadLimits.DEFAULTS.maxStringLength()).isEqualTo(20_000_000);
        assertThat(SqsSourceOptions.MAX_STRING_LENGTH.defaultValue()).isEqualTo(20_000_000);
    }

    @Test
    void invalidUtf8() {
        byte[] file =
                utf8(logFile(record("e1"), record("e2", "2023-07-10T11:45:00Z", "\"k\":\"XX\"")));
        int at = indexOf(file, utf8("XX"));
        file[at] = (byte) 0xc3; // a two-byte lead ...
        file[at + 1] = (byte) 0x28; // ... followed by a byte that cannot continue it

        LogFiles.Outcome outcome = LogFiles.read(FILE, file);

        assertThat(outcome.eventIds()).containsExactly("e1");
        assertThat(outcome.error())
                .hasMessageStartingWith(FILE + ": is not valid UTF-8 text at line 1")
                .hasMessageEndingWith("CloudTrail log files are UTF-8 JSON");
    }

    @Test
    void aJsonObjectThatIsNeitherLogFileNorRecord() {
        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8("{\"records\":[], \"version\":2}"));

        assertThat(outcome.error())
                .hasMessageStartingWith(
                        FILE
                                + ": is a JSON object with neither a \"Records\" array nor the"
                                + " fields of a CloudTrail record")
                .hasMessageContaining("its top-level keys are [records, version]");
    }

    @Test
    void aTopLevelScalar() {
        assertThat(LogFiles.read(FILE, utf8("\"hello\"")).error())
                .hasMessageStartingWith(FILE + ": starts with a string at line 1, column 1");
    }

    @Test
    void failureOfTheUnderlyingStreamIsNotBlamedOnTheFile() throws IOException {
        InputStream resetMidway =
                new ResetAfter(Arrays.copyOf(utf8(GOOD_RECORDS), GOOD_RECORDS.length() / 2));

        try (LogFileReader reader = LogFileReader.open(resetMidway, FILE, ReadLimits.DEFAULTS)) {
            assertThatThrownBy(() -> readToTheEnd(reader))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(LogFileException.class)
                    .hasMessage("connection reset");
        }
    }

    @Test
    void failureOfTheUnderlyingStreamInAGzipFileIsNotBlamedOnTheFile() throws IOException {
        byte[] whole = gzip(bigLogFile(2000));
        InputStream resetMidway = new ResetAfter(Arrays.copyOf(whole, whole.length / 2));

        try (LogFileReader reader = LogFileReader.open(resetMidway, FILE, ReadLimits.DEFAULTS)) {
            assertThat(reader.next()).isNotNull();
            assertThatThrownBy(() -> readToTheEnd(reader))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(LogFileException.class)
                    .hasMessage("connection reset");
        }
    }

    @Test
    void corruptGzipDataKeepsTheStreamingMessage() {
        byte[] damaged = gzip(bigLogFile(200));
        damaged[damaged.length / 2] ^= 0x55;

        assertThat(LogFiles.read(FILE, damaged).error())
                .hasMessageStartingWith(FILE + ": ")
                .hasMessageContaining("gzip");
    }

    private static void readToTheEnd(LogFileReader reader) throws IOException {
        while (reader.next() != null) {
            // only the failure matters here
        }
    }

    private static String bigLogFile(int records) {
        String[] all = new String[records];
        for (int i = 0; i < records; i++) {
            all[i] =
                    record(
                            "e" + i,
                            "2023-07-10T11:45:00Z",
                            "\"requestParameters\":{\"n\":" + i + "}");
        }
        return logFile(all);
    }

    private static byte[] spacesThen(int spaces, String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(spaces + json.length());
        byte[] blanks = new byte[spaces];
        Arrays.fill(blanks, (byte) ' ');
        out.writeBytes(blanks);
        out.writeBytes(utf8(json));
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }

    /** A connection that serves the first read's worth of {@code served}, then is reset. */
    private static final class ResetAfter extends InputStream {
        private final byte[] served;
        private boolean done;

        ResetAfter(byte[] served) {
            this.served = served;
        }

        @Override
        public int read() throws IOException {
            throw new IOException("connection reset");
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                throw new IOException("connection reset");
            }
            done = true;
            int n = Math.min(len, served.length);
            System.arraycopy(served, 0, b, off, n);
            return n;
        }
    }
}
