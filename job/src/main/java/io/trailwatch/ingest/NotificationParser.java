package io.trailwatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an SQS message body in any of the shapes of DESIGN §3 and says which objects it names. The
 * shape is detected from the body alone:
 *
 * <ol>
 *   <li>CloudTrail → SNS: an SNS envelope whose {@code Message} is {@code {"s3Bucket",
 *       "s3ObjectKey": [..]}};
 *   <li>CloudTrail → SNS with raw message delivery: the bare {@code {"s3Bucket", ..}} object;
 *   <li>S3 event notification ({@code {"Records": [{"eventSource": "aws:s3", ..}]}}, keys
 *       URL-encoded), and its {@code s3:TestEvent};
 *   <li>S3 event notification → SNS: an SNS envelope around 3;
 *   <li>EventBridge {@code Object Created} events from S3 (keys not encoded);
 *   <li>SNS subscription and unsubscription confirmations.
 * </ol>
 *
 * Never throws: anything else is {@link Notification.Disposition#UNPARSEABLE} with a reason.
 */
public final class NotificationParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Notification parse(String body) {
        if (body == null || body.isBlank()) {
            return Notification.unparseable("empty message body");
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return Notification.unparseable("message body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return Notification.unparseable("message body is not a JSON object");
        }
        if (isSnsEnvelope(root)) {
            return parseSnsEnvelope(root);
        }
        return parseBare(root, "");
    }

    private static boolean isSnsEnvelope(JsonNode root) {
        return root.path("Type").isTextual() && root.path("TopicArn").isTextual();
    }

    private Notification parseSnsEnvelope(JsonNode envelope) {
        String type = envelope.path("Type").asText();
        switch (type) {
            case "SubscriptionConfirmation":
            case "UnsubscribeConfirmation":
                return Notification.acknowledge("SNS " + type);
            case "Notification":
                break;
            default:
                return Notification.unparseable("SNS envelope of unknown Type '" + type + "'");
        }
        JsonNode message = envelope.path("Message");
        if (!message.isTextual()) {
            return Notification.unparseable("SNS notification without a Message string");
        }
        JsonNode inner;
        try {
            inner = JSON.readTree(message.asText());
        } catch (JsonProcessingException e) {
            return Notification.unparseable("SNS Message is not JSON: " + e.getOriginalMessage());
        }
        if (inner == null || !inner.isObject()) {
            return Notification.unparseable("SNS Message is not a JSON object");
        }
        return parseBare(inner, " via SNS");
    }

    private Notification parseBare(JsonNode root, String via) {
        if (root.has("s3Bucket") || root.has("s3ObjectKey")) {
            return parseCloudTrail(root, via);
        }
        if ("s3:TestEvent".equals(root.path("Event").asText(null))) {
            return Notification.acknowledge("S3 test event" + via);
        }
        if (root.path("Records").isArray()) {
            return parseS3Event(root.path("Records"), via);
        }
        if (root.has("detail-type") && root.path("detail").isObject()) {
            return parseEventBridge(root, via);
        }
        return Notification.unparseable(
                "no known notification shape"
                        + via
                        + ": expected a CloudTrail {\"s3Bucket\", \"s3ObjectKey\"} object,"
                        + " an S3 event {\"Records\": [..]}, an EventBridge event or an SNS"
                        + " envelope around one of them");
    }

    private static Notification parseCloudTrail(JsonNode root, String via) {
        String bucket = root.path("s3Bucket").asText("");
        JsonNode keys = root.path("s3ObjectKey");
        if (bucket.isEmpty() || !keys.isArray()) {
            return Notification.unparseable(
                    "CloudTrail notification" + via + " needs s3Bucket and an s3ObjectKey array");
        }
        List<S3ObjectRef> objects = new ArrayList<>();
        for (JsonNode key : keys) {
            if (!key.isTextual() || key.asText().isEmpty()) {
                return Notification.unparseable(
                        "CloudTrail notification" + via + " has a non-string s3ObjectKey entry");
            }
            objects.add(new S3ObjectRef(bucket, key.asText()));
        }
        return Notification.objects("CloudTrail" + via, objects);
    }

    private static Notification parseS3Event(JsonNode records, String via) {
        List<S3ObjectRef> objects = new ArrayList<>();
        for (JsonNode record : records) {
            if (!"aws:s3".equals(record.path("eventSource").asText())) {
                return Notification.unparseable(
                        "Records" + via + " are not S3 events (eventSource is not aws:s3)");
            }
            if (!record.path("eventName").asText().startsWith("ObjectCreated:")) {
                continue; // removals and other events name nothing to read
            }
            String bucket = record.path("s3").path("bucket").path("name").asText("");
            String encodedKey = record.path("s3").path("object").path("key").asText("");
            if (bucket.isEmpty() || encodedKey.isEmpty()) {
                return Notification.unparseable(
                        "S3 event" + via + " without s3.bucket.name or s3.object.key");
            }
            try {
                objects.add(new S3ObjectRef(bucket, decodeS3EventKey(encodedKey)));
            } catch (IllegalArgumentException e) {
                return Notification.unparseable(
                        "S3 event" + via + " has a badly URL-encoded key '" + encodedKey + "'");
            }
        }
        return objects.isEmpty()
                ? Notification.acknowledge("S3 event without created objects" + via)
                : Notification.objects("S3 event" + via, objects);
    }

    /** S3 event keys are form-URL-encoded: {@code +} is a space, {@code %XX} UTF-8 bytes. */
    static String decodeS3EventKey(String encodedKey) {
        return URLDecoder.decode(encodedKey, StandardCharsets.UTF_8);
    }

    private static Notification parseEventBridge(JsonNode root, String via) {
        if (!"aws.s3".equals(root.path("source").asText())) {
            return Notification.unparseable(
                    "EventBridge event" + via + " from '" + root.path("source").asText() + "'");
        }
        if (!"Object Created".equals(root.path("detail-type").asText())) {
            return Notification.acknowledge("EventBridge " + root.path("detail-type").asText());
        }
        JsonNode detail = root.path("detail");
        String bucket = detail.path("bucket").path("name").asText("");
        String key = detail.path("object").path("key").asText("");
        if (bucket.isEmpty() || key.isEmpty()) {
            return Notification.unparseable(
                    "EventBridge Object Created"
                            + via
                            + " without detail.bucket.name or"
                            + " detail.object.key");
        }
        return Notification.objects(
                "EventBridge Object Created" + via, List.of(new S3ObjectRef(bucket, key)));
    }
}
