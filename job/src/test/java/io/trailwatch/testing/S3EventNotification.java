package io.trailwatch.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The message S3 sends to an SQS queue when an object is created (event structure version 2.1, as
 * in the S3 User Guide, "Event message structure"): the key form-URL-encoded, size and ETag of the
 * object as stored.
 */
public final class S3EventNotification {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private S3EventNotification() {}

    public static String objectCreated(
            String region, String bucket, String key, long size, String eTag, Instant time) {
        ObjectNode record = MAPPER.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", region);
        record.put("eventTime", time.toString());
        record.put("eventName", "ObjectCreated:Put");
        record.putObject("userIdentity")
                .put("principalId", "AWS:AROAEXAMPLE:regionalDeliverySession");
        record.putObject("requestParameters").put("sourceIPAddress", "203.0.113.17");
        record.putObject("responseElements")
                .put("x-amz-request-id", "C3D13FE58DE4C810")
                .put(
                        "x-amz-id-2",
                        "FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", "cloudtrail-log-delivered");
        s3.putObject("bucket")
                .put("name", bucket)
                .put("arn", "arn:aws:s3:::" + bucket)
                .putObject("ownerIdentity")
                .put("principalId", "A3NL1KOZZKExample");
        s3.putObject("object")
                .put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                .put("size", size)
                .put("eTag", eTag.replace("\"", ""))
                .put("sequencer", Long.toHexString(time.toEpochMilli()).toUpperCase());
        ObjectNode message = MAPPER.createObjectNode();
        message.putArray("Records").add(record);
        return message.toString();
    }
}
