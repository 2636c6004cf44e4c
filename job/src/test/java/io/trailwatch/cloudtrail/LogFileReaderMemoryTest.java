package io.trailwatch.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A 100 MB log file, generated while it is read, is read with bounded memory: the reader never
 * pulls more than a buffer's worth of input beyond the record it has just returned.
 */
class LogFileReaderMemoryTest {

    private static final long TARGET_BYTES = 100L * 1024 * 1024;

    /** The stored-stream buffer (64 KiB) plus Jackson's input buffer (8 KB), with room to spare. */
    private static final long MAX_READ_AHEAD = 128 * 1024;

    @Test
    void hundredMegabyteFileIsStreamedOneRecordAtATime() throws IOException {
        GeneratedLogFile file = new GeneratedLogFile(TARGET_BYTES);
        long count = 0;
        long maxReadAhead = 0;
        long started = System.nanoTime();
        try (LogFileReader reader =
                LogFileReader.open(file, "generated.json", ReadLimits.DEFAULTS)) {
            CloudTrailRecord record;
            while ((record = reader.next()) != null) {
                maxReadAhead = Math.max(maxReadAhead, file.pulled() - file.endOfRecord(count));
                if (count % 10_000 == 0) {
                    assertThat(record.eventId()).isEqualTo(GeneratedLogFile.eventId(count));
                }
                count++;
            }
            assertThat(reader.recordsRead()).isEqualTo(file.records());
            assertThat(reader.uncompressedBytesRead()).isEqualTo(file.length());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(count).isEqualTo(file.records());
        assertThat(maxReadAhead)
                .as("input pulled beyond the record just returned")
                .isPositive()
                .isLessThanOrEqualTo(MAX_READ_AHEAD);
        System.out.printf(
                "read %d records, %d MB in %.2f s (%.0f MB/s)%n",
                count, file.length() >> 20, seconds, file.length() / 1e6 / seconds);
    }

    /** {"Records":[r0,r1,…]} produced on demand; every record has the same length. */
    static final class GeneratedLogFile extends InputStream {
        private static final byte[] HEAD = ascii("{\"Records\":[");
        private static final byte[] TAIL = ascii("]}");
        private static final String TEMPLATE =
                "{\"eventVersion\":\"1.08\",\"userIdentity\":{\"type\":\"AssumedRole\","
                        + "\"principalId\":\"AROAEXAMPLE:alice\",\"arn\":\"arn:aws:sts::123456789012:"
                        + "assumed-role/Admin/alice\",\"accountId\":\"123456789012\","
                        + "\"sessionContext\":{\"sessionIssuer\":{\"type\":\"Role\",\"userName\":"
                        + "\"Admin\"},\"attributes\":{\"creationDate\":\"2023-07-10T11:42:31Z\","
                        + "\"mfaAuthenticated\":\"false\"}}},\"eventTime\":\"2023-07-10T11:45:00Z\","
                        + "\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
                        + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"203.0.113.7\","
                        + "\"userAgent\":\"aws-cli/2.13.0\",\"requestParameters\":{\"bucketName\":"
                        + "\"logs\",\"key\":\"a/b/c.txt\"},\"responseElements\":null,"
                        + "\"resources\":[{\"type\":\"AWS::S3::Object\",\"ARN\":\"arn:aws:s3:::logs/a/b/c.txt\"},"
                        + "{\"accountId\":\"123456789012\",\"type\":\"AWS::S3::Bucket\",\"ARN\":"
                        + "\"arn:aws:s3:::logs\"}],\"readOnly\":true,\"eventType\":\"AwsApiCall\","
                        + "\"recipientAccountId\":\"123456789012\",\"eventID\":\"%s\"}";
        private static final int RECORD_LENGTH = ascii(String.format(TEMPLATE, eventId(0))).length;

        private final long records;
        private final long length;
        private long position;
        private byte[] current = HEAD;
        private int currentOffset;
        private long nextRecord;

        GeneratedLogFile(long targetBytes) {
            this.records = targetBytes / (RECORD_LENGTH + 1);
            this.length = HEAD.length + records * (RECORD_LENGTH + 1) - 1 + TAIL.length;
        }

        static String eventId(long index) {
            return String.format("event-%012d", index);
        }

        long records() {
            return records;
        }

        long length() {
            return length;
        }

        long pulled() {
            return position;
        }

        long endOfRecord(long index) {
            return HEAD.length + (index + 1) * (RECORD_LENGTH + 1) - 1;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            int copied = 0;
            while (copied < count) {
                if (currentOffset == current.length && !advance()) {
                    break;
                }
                int n = Math.min(count - copied, current.length - currentOffset);
                System.arraycopy(current, currentOffset, buffer, offset + copied, n);
                currentOffset += n;
                copied += n;
            }
            position += copied;
            return copied == 0 && count > 0 ? -1 : copied;
        }

        private boolean advance() {
            if (current == TAIL) {
                return false;
            }
            if (nextRecord < records) {
                String record = String.format(TEMPLATE, eventId(nextRecord));
                current = ascii(nextRecord == 0 ? record : "," + record);
                nextRecord++;
            } else {
                current = TAIL;
            }
            currentOffset = 0;
            return true;
        }

        private static byte[] ascii(String text) {
            return text.getBytes(StandardCharsets.US_ASCII);
        }
    }
}
