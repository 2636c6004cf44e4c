package io.trailwatch.aggregate;

import io.trailwatch.cloudtrail.CloudTrailRecord;

/**
 * Who acted, for the per-principal aggregates. {@code userIdentity.arn} when present; AWS services
 * ({@code type: AWSService}) have no ARN but name themselves in {@code invokedBy}; other identities
 * without an ARN (cross-account {@code AWSAccount}, some anonymous calls) fall back to {@code
 * principalId}, then {@code accountId}. {@code null} when the record has no identity at all.
 */
public final class Principals {

    static final String[] FALLBACK_PATHS = {
        "userIdentity.arn",
        "userIdentity.invokedBy",
        "userIdentity.principalId",
        "userIdentity.accountId"
    };

    private Principals() {}

    public static String of(CloudTrailRecord record) {
        for (String path : FALLBACK_PATHS) {
            String value = record.get(path);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }
}
