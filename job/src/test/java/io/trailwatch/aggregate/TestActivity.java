package io.trailwatch.aggregate;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.FieldKind;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Readable CloudTrail events for the aggregate tests: {@code call("GetObject", T0).by(ALICE)}. */
final class TestActivity {

    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    static final String ACCOUNT = "111122223333";
    static final String US_EAST_1 = "us-east-1";
    static final String ALICE = "arn:aws:iam::111122223333:user/alice";
    static final String BOB = "arn:aws:iam::111122223333:user/bob";
    static final String CLOUDTRAIL_SERVICE = "cloudtrail.amazonaws.com";
    static final String S3 = "s3.amazonaws.com";
    static final String IP_1 = "203.0.113.1";
    static final String IP_2 = "203.0.113.2";

    private static final AtomicLong NEXT_ID = new AtomicLong();

    private TestActivity() {}

    static Call call(String eventName, Instant time) {
        return new Call(eventName, time);
    }

    /** One event under construction; unset fields are absent from the record. */
    static final class Call {
        private final String eventName;
        private final Instant time;
        private final String eventId = "event-" + NEXT_ID.incrementAndGet();
        private String identityType = "IAMUser";
        private String arn;
        private String invokedBy;
        private String ip = IP_1;
        private String errorCode;

        private Call(String eventName, Instant time) {
            this.eventName = eventName;
            this.time = time;
        }

        Call by(String principalArn) {
            arn = principalArn;
            return this;
        }

        /** An AWS service acting on its own: no ARN, named in {@code invokedBy}. */
        Call byService(String service) {
            identityType = "AWSService";
            invokedBy = service;
            ip = service;
            return this;
        }

        Call from(String sourceIp) {
            ip = sourceIp;
            return this;
        }

        Call failing(String code) {
            errorCode = code;
            return this;
        }

        CloudTrailRecord build() {
            CloudTrailRecord.Builder record = CloudTrailRecord.builder();
            record.add("eventVersion", FieldKind.STRING, "1.08");
            record.add("userIdentity", FieldKind.OBJECT, null);
            record.add("userIdentity.type", FieldKind.STRING, identityType);
            if (arn != null) {
                record.add("userIdentity.arn", FieldKind.STRING, arn);
            }
            if (invokedBy != null) {
                record.add("userIdentity.invokedBy", FieldKind.STRING, invokedBy);
            }
            record.add("eventTime", FieldKind.STRING, time.toString());
            record.add("eventSource", FieldKind.STRING, S3);
            record.add("eventName", FieldKind.STRING, eventName);
            record.add("awsRegion", FieldKind.STRING, US_EAST_1);
            record.add("sourceIPAddress", FieldKind.STRING, ip);
            if (errorCode != null) {
                record.add("errorCode", FieldKind.STRING, errorCode);
            }
            record.add("eventID", FieldKind.STRING, eventId);
            record.add("recipientAccountId", FieldKind.STRING, ACCOUNT);
            return record.build("test.json", NEXT_ID.get());
        }
    }
}
