package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.FieldKind;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Readable CloudTrail events for tests: {@code failedLogin("alice", T0.plusSeconds(60))}. */
final class TestEvents {

    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";
    static final String US_EAST_1 = "us-east-1";
    static final String EU_WEST_1 = "eu-west-1";
    static final String ATTACKER_IP = "203.0.113.7";

    private static final AtomicLong NEXT_ID = new AtomicLong();

    private TestEvents() {}

    static Event event(String eventName, Instant time) {
        return new Event(eventName, time);
    }

    static CloudTrailRecord failedLogin(String user, Instant time) {
        return event("ConsoleLogin", time).user(user).error("Failed authentication").build();
    }

    static CloudTrailRecord successfulLogin(String user, Instant time) {
        return event("ConsoleLogin", time).user(user).build();
    }

    /** One event under construction; unset fields are absent from the record. */
    static final class Event {
        private final String eventName;
        private final Instant time;

        /** Numbers the event's id and its input position alike, so both are unique. */
        private final long number = NEXT_ID.incrementAndGet();

        private String eventId = "event-" + number;
        private String account = ACCOUNT;
        private String region = US_EAST_1;
        private String user;
        private String ip = ATTACKER_IP;
        private String errorMessage;
        private String origin = "test.json";
        private long sequence = number;

        private Event(String eventName, Instant time) {
            this.eventName = eventName;
            this.time = time;
        }

        Event id(String value) {
            eventId = value;
            return this;
        }

        Event account(String value) {
            account = value;
            return this;
        }

        Event region(String value) {
            region = value;
            return this;
        }

        Event user(String value) {
            user = value;
            return this;
        }

        Event ip(String value) {
            ip = value;
            return this;
        }

        Event error(String message) {
            errorMessage = message;
            return this;
        }

        /** Where the record was read from and its position there. */
        Event from(String file, long position) {
            origin = file;
            sequence = position;
            return this;
        }

        CloudTrailRecord build() {
            CloudTrailRecord.Builder record = CloudTrailRecord.builder();
            record.add("eventVersion", FieldKind.STRING, "1.08");
            record.add("userIdentity", FieldKind.OBJECT, null);
            record.add("userIdentity.type", FieldKind.STRING, "IAMUser");
            if (user != null) {
                record.add("userIdentity.userName", FieldKind.STRING, user);
            }
            record.add("eventTime", FieldKind.STRING, time.toString());
            record.add("eventSource", FieldKind.STRING, "signin.amazonaws.com");
            record.add("eventName", FieldKind.STRING, eventName);
            if (region != null) {
                record.add("awsRegion", FieldKind.STRING, region);
            }
            if (ip != null) {
                record.add("sourceIPAddress", FieldKind.STRING, ip);
            }
            if (errorMessage != null) {
                record.add("errorMessage", FieldKind.STRING, errorMessage);
            }
            record.add("eventID", FieldKind.STRING, eventId);
            if (account != null) {
                record.add("recipientAccountId", FieldKind.STRING, account);
            }
            return record.build(origin, sequence);
        }
    }
}
