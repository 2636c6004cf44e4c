package io.trailwatch.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.zip.GZIPOutputStream;

/**
 * A CloudTrail log file with one event that the single-event pattern {@code cis-root-account-usage}
 * matches: the root user calling an API itself. Each file gets its own {@code eventID}, by which
 * the latency probe finds the alert again.
 */
final class RootActivityLog {

    static final String PATTERN_ID = "cis-root-account-usage";
    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";

    private static final DateTimeFormatter KEY_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter KEY_DAY =
            DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);

    private RootActivityLog() {}

    /** The gzip-compressed {@code {"Records":[…]}} with the one root event. */
    static byte[] gzip(String eventId, Instant eventTime) throws IOException {
        String json =
                "{\"Records\":[{\"eventVersion\":\"1.08\",\"eventID\":\""
                        + eventId
                        + "\",\"eventTime\":\""
                        + eventTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "\",\"eventSource\":\"iam.amazonaws.com\",\"eventName\":\"GetAccountSummary\","
                        + "\"awsRegion\":\""
                        + REGION
                        + "\",\"recipientAccountId\":\""
                        + ACCOUNT
                        + "\",\"userIdentity\":{\"type\":\"Root\",\"principalId\":\""
                        + ACCOUNT
                        + "\",\"arn\":\"arn:aws:iam::"
                        + ACCOUNT
                        + ":root\",\"accountId\":\""
                        + ACCOUNT
                        + "\"},\"sourceIPAddress\":\"203.0.113.10\",\"eventType\":\"AwsApiCall\","
                        + "\"readOnly\":true,\"managementEvent\":true}]}";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /**
     * Where CloudTrail would write the file: {@code AWSLogs/<account>/CloudTrail/<region>/…}; the
     * file id must be letters and digits, or the source skips the file as not a log file.
     */
    static String key(String fileId, Instant deliveredAt) {
        return "AWSLogs/"
                + ACCOUNT
                + "/CloudTrail/"
                + REGION
                + "/"
                + KEY_DAY.format(deliveredAt)
                + "/"
                + ACCOUNT
                + "_CloudTrail_"
                + REGION
                + "_"
                + KEY_TIME.format(deliveredAt)
                + "_"
                + fileId
                + ".json.gz";
    }
}
