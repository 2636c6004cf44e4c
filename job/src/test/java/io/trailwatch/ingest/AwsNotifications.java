package io.trailwatch.ingest;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** SQS message bodies exactly as AWS documents them, for each notification shape. */
public final class AwsNotifications {

    private AwsNotifications() {}

    /** CloudTrail's own notification (the SNS Message, or the body with raw delivery). */
    public static String cloudTrail(String bucket, String... keys) {
        return "{\"s3Bucket\":\""
                + bucket
                + "\",\"s3ObjectKey\":["
                + Stream.of(keys).map(AwsNotifications::jsonString).collect(Collectors.joining(","))
                + "]}";
    }

    /** A key as S3 event notifications write it: form-URL-encoded. */
    public static String urlEncoded(String key) {
        return java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)
                .replace("%2F", "/");
    }

    public static String snsEnvelope(String message) {
        return "{\n"
                + "  \"Type\" : \"Notification\",\n"
                + "  \"MessageId\" : \"22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\",\n"
                + "  \"TopicArn\" : \"arn:aws:sns:us-east-2:111122223333:CloudTrailTopic\",\n"
                + "  \"Subject\" : \"[AWS Notification Message]\",\n"
                + "  \"Message\" : "
                + jsonString(message)
                + ",\n"
                + "  \"Timestamp\" : \"2024-05-03T15:10:12.127Z\",\n"
                + "  \"SignatureVersion\" : \"1\",\n"
                + "  \"Signature\" : \"EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=\",\n"
                + "  \"SigningCertURL\" : \"https://sns.us-east-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem\",\n"
                + "  \"UnsubscribeURL\" : \"https://sns.us-east-2.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=arn:aws:sns:us-east-2:111122223333:CloudTrailTopic:2bcfbf39-05c3-41de-beaa-fcfcc21c8f55\"\n"
                + "}";
    }

    public static String s3Event(String bucket, String encodedKey) {
        return "{\"Records\":[{\n"
                + "  \"eventVersion\":\"2.1\",\"eventSource\":\"aws:s3\",\"awsRegion\":\"us-east-2\",\n"
                + "  \"eventTime\":\"2024-05-03T15:10:11.000Z\",\"eventName\":\"ObjectCreated:Put\",\n"
                + "  \"userIdentity\":{\"principalId\":\"AWS:AIDAEXAMPLE\"},\n"
                + "  \"requestParameters\":{\"sourceIPAddress\":\"203.0.113.5\"},\n"
                + "  \"responseElements\":{\"x-amz-request-id\":\"C3D13FE58DE4C810\","
                + "\"x-amz-id-2\":\"FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD\"},\n"
                + "  \"s3\":{\"s3SchemaVersion\":\"1.0\",\"configurationId\":\"cloudtrail-logs\",\n"
                + "    \"bucket\":{\"name\":\""
                + bucket
                + "\",\"ownerIdentity\":{\"principalId\":\"A3NL1KOZZKExample\"},"
                + "\"arn\":\"arn:aws:s3:::"
                + bucket
                + "\"},\n"
                + "    \"object\":{\"key\":\""
                + encodedKey
                + "\",\"size\":1024,"
                + "\"eTag\":\"d41d8cd98f00b204e9800998ecf8427e\",\"sequencer\":\"0055AED6DCD90281E5\"}}\n"
                + "}]}";
    }

    public static String eventBridgeObjectCreated(String bucket, String key) {
        return "{\"version\":\"0\",\"id\":\"17793124-05d4-b198-2fde-7ededc63b103\","
                + "\"detail-type\":\"Object Created\",\"source\":\"aws.s3\","
                + "\"account\":\"111122223333\",\"time\":\"2021-11-12T00:00:00Z\","
                + "\"region\":\"ca-central-1\",\"resources\":[\"arn:aws:s3:::"
                + bucket
                + "\"],"
                + "\"detail\":{\"version\":\"0\",\"bucket\":{\"name\":\""
                + bucket
                + "\"},"
                + "\"object\":{\"key\":\""
                + key
                + "\",\"size\":5,"
                + "\"etag\":\"b1946ac92492d2347c6235b4d2611184\","
                + "\"sequencer\":\"617f08299329d189\"},\"request-id\":\"N4N7GDK58NMKJ12R\","
                + "\"requester\":\"123456789012\",\"source-ip-address\":\"1.2.3.4\","
                + "\"reason\":\"PutObject\"}}";
    }

    public static final String S3_TEST_EVENT =
            "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2014-10-13T15:57:02.089Z\","
                    + "\"Bucket\":\"amzn-s3-demo-bucket\",\"RequestId\":\"5582815E1AEA5ADF\","
                    + "\"HostId\":\"8cLeGAmw098X5cv4Zkwcmo8vvZa3eH3eKxsPzbB9wrR+YstdA6Knx4Ip8EXAMPLE\"}";

    public static final String SUBSCRIPTION_CONFIRMATION =
            "{\n"
                    + "  \"Type\" : \"SubscriptionConfirmation\",\n"
                    + "  \"MessageId\" : \"165545c9-2a5c-472c-8df2-7ff2be2b3b1b\",\n"
                    + "  \"Token\" : \"2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736\",\n"
                    + "  \"TopicArn\" : \"arn:aws:sns:us-west-2:123456789012:MyTopic\",\n"
                    + "  \"Message\" : \"You have chosen to subscribe to the topic arn:aws:sns:us-west-2:123456789012:MyTopic.\\nTo confirm the subscription, visit the SubscribeURL included in this message.\",\n"
                    + "  \"SubscribeURL\" : \"https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37\",\n"
                    + "  \"Timestamp\" : \"2012-04-26T20:45:04.751Z\",\n"
                    + "  \"SignatureVersion\" : \"1\",\n"
                    + "  \"Signature\" : \"EXAMPLEpH+DcEwjAPg8O9mY8dReBSwksfg2S7WKQcikcNKWLQjwu6A4VbeS0QHVCkhRS7fUQvi2egU3N858fiTDN6bkkOxYDVrY0Ad8L10Hs3zH81mtnPk5uvvolIC1CXGu43obcgFxeL3khZl8IKvO61GWB6jI9b5+gLPoBc1Q=\",\n"
                    + "  \"SigningCertURL\" : \"https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem\"\n"
                    + "}";

    public static String jsonString(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
