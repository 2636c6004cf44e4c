package io.trailwatch.cloudtrail;

import static io.trailwatch.cloudtrail.LogFiles.gzip;
import static io.trailwatch.cloudtrail.LogFiles.logFile;
import static io.trailwatch.cloudtrail.LogFiles.record;
import static io.trailwatch.cloudtrail.LogFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shapes of input the reader accepts, and what it skips on purpose. */
class LogFileReaderFormatsTest {

    private static final String FILE = "logs/file.json";

    private static final String INSIGHT_RECORD =
            "{\"eventVersion\":\"1.08\",\"eventTime\":\"2023-07-10T11:45:00Z\","
                    + "\"awsRegion\":\"us-east-1\",\"eventID\":\"insight-1\","
                    + "\"eventType\":\"AwsCloudTrailInsight\",\"recipientAccountId\":\"123456789012\","
                    + "\"sharedEventID\":\"s-1\",\"insightDetails\":{\"state\":\"Start\","
                    + "\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\","
                    + "\"insightType\":\"ApiCallRateInsight\"},\"eventCategory\":\"Insight\"}";

    private static final String DIGEST_FILE =
            "{\"awsAccountId\":\"123456789012\",\"digestStartTime\":\"2023-07-10T11:00:00Z\","
                    + "\"digestEndTime\":\"2023-07-10T12:00:00Z\",\"digestS3Bucket\":\"b\","
                    + "\"digestS3Object\":\"k\",\"digestPublicKeyFingerprint\":\"abc\","
                    + "\"digestSignatureAlgorithm\":\"SHA256withRSA\",\"newestEventTime\":null,"
                    + "\"oldestEventTime\":null,\"previousDigestS3Bucket\":null,"
                    + "\"previousDigestS3Object\":null,\"previousDigestHashValue\":null,"
                    + "\"previousDigestHashAlgorithm\":null,\"previousDigestSignature\":null,"
                    + "\"logFiles\":[]}";

    @Test
    void cloudTrailLogFile() {
        assertThat(read(logFile(record("e1"), record("e2"))).eventIds())
                .containsExactly("e1", "e2");
    }

    @Test
    void sequenceIsThePositionInTheFile() {
        LogFiles.Outcome outcome = read(logFile(record("e0"), "\"skipped\"", record("e2")));

        assertThat(outcome.records())
                .extracting(CloudTrailRecord::sequence)
                .containsExactly(0L, 2L);
        assertThat(read(record("a") + "\n" + record("b")).records())
                .extracting(CloudTrailRecord::sequence)
                .containsExactly(0L, 1L);
    }

    @Test
    void recordsKeyAnywhereAndOtherTopLevelKeysIgnored() {
        String file =
                "{\"version\":{\"deep\":[1,2,{\"x\":null}]},\"Records\":["
                        + record("e1")
                        + "],\"trailer\":\"ignored\"}";

        LogFiles.Outcome outcome = read(file);

        assertThat(outcome.eventIds()).containsExactly("e1");
        assertThat(outcome.records().get(0).indexOf("version")).isEqualTo(-1);
        assertThat(outcome.reader().malformedRecords()).isZero();
    }

    @Test
    void emptyRecordsArrayIsAValidFileWithNoRecords() {
        LogFiles.Outcome outcome = read("{\"Records\":[]}");

        assertThat(outcome.error()).isNull();
        assertThat(outcome.records()).isEmpty();
    }

    @Test
    void topLevelArrayOfRecords() {
        assertThat(read("[" + record("e1") + ",\n" + record("e2") + "]").eventIds())
                .containsExactly("e1", "e2");
    }

    @Test
    void oneRecordPerLine() {
        String lines = record("e1") + "\n" + record("e2") + "\n\n" + record("e3") + "\n";

        assertThat(read(lines).eventIds()).containsExactly("e1", "e2", "e3");
    }

    @Test
    void strayScalarLineInNdjsonIsOneMalformedRecord() {
        String lines = record("e1") + "\n\"oops\"\n" + record("e2") + "\n";

        LogFiles.Outcome outcome = read(lines);

        assertThat(outcome.eventIds()).containsExactly("e1", "e2");
        assertThat(outcome.reader().malformedRecords()).isEqualTo(1);
    }

    @Test
    void singleObjectThatIsARecord() {
        assertThat(read(record("only")).eventIds()).containsExactly("only");
    }

    @Test
    void gzipIsDetectedByContentNotName() {
        LogFiles.Outcome outcome =
                LogFiles.read("named-like-text.json", gzip(logFile(record("e1"))));

        assertThat(outcome.eventIds()).containsExactly("e1");
    }

    @Test
    void concatenatedGzipMembersAreReadAsOneStream() {
        byte[] first = gzip("{\"Records\":[" + record("e1") + ",");
        byte[] second = gzip(record("e2") + "]}");
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);

        assertThat(LogFiles.read(FILE, both).eventIds()).containsExactly("e1", "e2");
    }

    @Test
    void gzipWithBomAndLargeTextReadsLikeTheSmallOne() {
        String[] records = new String[2000];
        for (int i = 0; i < records.length; i++) {
            records[i] = record("e" + i);
        }
        LogFiles.Outcome outcome = LogFiles.read(FILE, gzip(utf8("\uFEFF" + logFile(records))));

        assertThat(outcome.records()).hasSize(2000);
        assertThat(outcome.eventIds().get(1999)).isEqualTo("e1999");
        assertThat(outcome.reader().uncompressedBytesRead())
                .isEqualTo(utf8("\uFEFF" + logFile(records)).length);
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() {
        byte[] body = utf8("\uFEFF" + logFile(record("e1")));

        assertThat(LogFiles.read(FILE, body).eventIds()).containsExactly("e1");
    }

    @Test
    void insightRecordsAreSkippedAndCountedApart() {
        LogFiles.Outcome outcome = read(logFile(record("e1"), INSIGHT_RECORD, record("e2")));

        assertThat(outcome.eventIds()).containsExactly("e1", "e2");
        assertThat(outcome.reader().insightRecordsSkipped()).isEqualTo(1);
        assertThat(outcome.reader().malformedRecords()).isZero();
    }

    @Test
    void digestFileYieldsNoRecordsAndNoError() {
        LogFiles.Outcome outcome = read(DIGEST_FILE);

        assertThat(outcome.error()).isNull();
        assertThat(outcome.records()).isEmpty();
        assertThat(outcome.reader().isDigestFile()).isTrue();
    }

    @Test
    void schemaDriftUnknownFieldsKeptMissingFieldsFineOddTypesRead() {
        String drifted =
                "{\"eventTime\":\"2023-07-10T11:45:00Z\",\"eventID\":\"drift\","
                        + "\"brandNewField\":{\"nested\":[true,false]},"
                        + "\"eventName\":17,\"userIdentity\":\"just a string\","
                        + "\"resources\":{\"not\":\"an array\"},\"requestParameters\":[]}";

        CloudTrailRecord record = read(logFile(drifted)).records().get(0);

        assertThat(record.get("brandNewField.nested[0]")).isEqualTo("true");
        assertThat(record.kind(record.indexOf("eventName"))).isEqualTo(FieldKind.NUMBER);
        assertThat(record.get("eventName")).isEqualTo("17");
        assertThat(record.get("userIdentity")).isEqualTo("just a string");
        assertThat(record.kind(record.indexOf("resources"))).isEqualTo(FieldKind.OBJECT);
        assertThat(record.indexOf("eventSource")).isEqualTo(-1);
    }

    @Test
    void eventTimeWithOffsetAndFractionIsValid() {
        LogFiles.Outcome outcome =
                read(logFile(record("frac", "2023-07-10T13:45:00.123+02:00", "")));

        assertThat(outcome.records()).hasSize(1);
        assertThat(outcome.records().get(0).eventTimeMillis())
                .isEqualTo(java.time.Instant.parse("2023-07-10T11:45:00.123Z").toEpochMilli());
    }

    private static LogFiles.Outcome read(String text) {
        LogFiles.Outcome outcome = LogFiles.read(FILE, utf8(text));
        assertThat(outcome.error()).isNull();
        return outcome;
    }
}
