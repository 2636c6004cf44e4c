package io.trailwatch.aggregate;

import io.trailwatch.cloudtrail.CloudTrailRecord;

/**
 * What activity is counted by. Every record has exactly one value per dimension (possibly null:
 * absent), so the counts of every dimension of a window add up to the same total.
 */
public enum Dimension {
    ACCOUNT("account"),
    REGION("region"),
    EVENT_SOURCE("eventSource"),
    EVENT_NAME("eventName"),
    ERROR_CODE("errorCode"),
    IDENTITY_TYPE("identityType"),
    /** {@code userIdentity.arn}, or a fallback; see {@link Principals}. */
    PRINCIPAL("principal");

    private final String outputName;

    Dimension(String outputName) {
        this.outputName = outputName;
    }

    /** The name written in the {@code dimension} column. */
    public String outputName() {
        return outputName;
    }

    /** This dimension's value for a record; {@code null} when the record has none. */
    public String valueOf(CloudTrailRecord record) {
        switch (this) {
            case ACCOUNT:
                return record.recipientAccountId();
            case REGION:
                return record.awsRegion();
            case EVENT_SOURCE:
                return record.eventSource();
            case EVENT_NAME:
                return record.eventName();
            case ERROR_CODE:
                return record.errorCode();
            case IDENTITY_TYPE:
                return record.get("userIdentity.type");
            case PRINCIPAL:
                return Principals.of(record);
            default:
                throw new AssertionError(this);
        }
    }
}
