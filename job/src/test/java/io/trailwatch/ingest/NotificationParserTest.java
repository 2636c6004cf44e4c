package io.trailwatch.ingest;

import static io.trailwatch.ingest.AwsNotifications.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.ingest.Notification.Disposition;
import org.junit.jupiter.api.Test;

/** Each shape from the JSON AWS documents for it. */
class NotificationParserTest {

    private static final String BUCKET = "amzn-s3-demo-bucket";
    private static final String LOG_KEY =
            "AWSLogs/111122223333/CloudTrail/us-east-2/2024/05/03/"
                    + "111122223333_CloudTrail_us-east-2_20240503T1505Z_abcDEF123.json.gz";
    private static final String SECOND_LOG_KEY =
            "AWSLogs/o-exampleorgid/111122223333/CloudTrail/us-east-2/2024/05/03/"
                    + "111122223333_CloudTrail_us-east-2_20240503T1510Z_ghiJKL456.json.gz";

    private final NotificationParser parser = new NotificationParser();

    private static final String CLOUDTRAIL_MESSAGE = cloudTrail(BUCKET, LOG_KEY, SECOND_LOG_KEY);

    @Test
    void cloudTrailViaSnsNamesEveryKeyOfTheMessage() {
        Notification notification = parser.parse(snsEnvelope(CLOUDTRAIL_MESSAGE));

        assertThat(notification.disposition()).isEqualTo(Disposition.READ_OBJECTS);
        assertThat(notification.shape()).isEqualTo("CloudTrail via SNS");
        assertThat(notification.objects())
                .containsExactly(
                        new S3ObjectRef(BUCKET, LOG_KEY), new S3ObjectRef(BUCKET, SECOND_LOG_KEY));
    }

    @Test
    void cloudTrailWithRawMessageDelivery() {
        Notification notification = parser.parse(CLOUDTRAIL_MESSAGE);

        assertThat(notification.shape()).isEqualTo("CloudTrail");
        assertThat(notification.objects())
                .hasSize(2)
                .first()
                .extracting(S3ObjectRef::key)
                .isEqualTo(LOG_KEY);
    }

    @Test
    void s3EventKeysAreUrlDecodedWithPlusForSpaceAndUtf8Escapes() {
        Notification notification =
                parser.parse(s3Event(BUCKET, "trail+logs%2Fbl%C3%A5b%C3%A6r/" + LOG_KEY));

        assertThat(notification.shape()).isEqualTo("S3 event");
        assertThat(notification.objects())
                .containsExactly(new S3ObjectRef(BUCKET, "trail logs/blåbær/" + LOG_KEY));
    }

    @Test
    void literalPlusInAKeyArrivesEncodedAsPercent2B() {
        Notification notification = parser.parse(s3Event(BUCKET, "a%2Bb/" + LOG_KEY));

        assertThat(notification.objects().get(0).key()).isEqualTo("a+b/" + LOG_KEY);
    }

    @Test
    void s3EventViaSns() {
        Notification notification =
                parser.parse(snsEnvelope(s3Event(BUCKET, "my+prefix/" + LOG_KEY)));

        assertThat(notification.shape()).isEqualTo("S3 event via SNS");
        assertThat(notification.objects())
                .containsExactly(new S3ObjectRef(BUCKET, "my prefix/" + LOG_KEY));
    }

    @Test
    void eventBridgeObjectCreatedKeysAreNotEncoded() {
        Notification notification =
                parser.parse(eventBridgeObjectCreated(BUCKET, "a+b c/" + LOG_KEY));

        assertThat(notification.shape()).isEqualTo("EventBridge Object Created");
        assertThat(notification.objects())
                .containsExactly(new S3ObjectRef(BUCKET, "a+b c/" + LOG_KEY));
    }

    @Test
    void s3TestEventIsAcknowledged() {
        assertThat(parser.parse(S3_TEST_EVENT).disposition()).isEqualTo(Disposition.ACKNOWLEDGE);
        assertThat(parser.parse(snsEnvelope(S3_TEST_EVENT)).disposition())
                .isEqualTo(Disposition.ACKNOWLEDGE);
    }

    @Test
    void snsConfirmationsAreAcknowledged() {
        assertThat(parser.parse(SUBSCRIPTION_CONFIRMATION).disposition())
                .isEqualTo(Disposition.ACKNOWLEDGE);
        String unsubscribe =
                SUBSCRIPTION_CONFIRMATION.replace(
                        "SubscriptionConfirmation", "UnsubscribeConfirmation");
        assertThat(parser.parse(unsubscribe).shape()).isEqualTo("SNS UnsubscribeConfirmation");
    }

    @Test
    void objectRemovalEventsNameNothingToRead() {
        Notification notification =
                parser.parse(
                        s3Event(BUCKET, LOG_KEY)
                                .replace("ObjectCreated:Put", "ObjectRemoved:Delete"));

        assertThat(notification.disposition()).isEqualTo(Disposition.ACKNOWLEDGE);
    }

    @Test
    void garbageIsUnparseableWithAReason() {
        assertThat(parser.parse("not json at all").shape()).startsWith("message body is not JSON");
        assertThat(parser.parse("").disposition()).isEqualTo(Disposition.UNPARSEABLE);
        assertThat(parser.parse("[1,2]").shape()).isEqualTo("message body is not a JSON object");
        assertThat(parser.parse("{\"hello\":\"world\"}").shape())
                .startsWith("no known notification shape");
        assertThat(parser.parse(snsEnvelope("plain text alarm")).shape())
                .startsWith("SNS Message is not JSON");
        assertThat(parser.parse("{\"s3Bucket\":\"b\",\"s3ObjectKey\":\"not-a-list\"}").shape())
                .contains("needs s3Bucket and an s3ObjectKey array");
        assertThat(parser.parse(s3Event(BUCKET, "bad%ZZescape")).shape())
                .contains("badly URL-encoded key");
        assertThat(
                        parser.parse(
                                        "{\"Records\":[{\"eventSource\":\"aws:dynamodb\","
                                                + "\"eventName\":\"INSERT\"}]}")
                                .disposition())
                .isEqualTo(Disposition.UNPARSEABLE);
    }
}
