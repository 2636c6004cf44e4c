package io.trailwatch.filter;

/**
 * The metric filters of the AWS CloudTrail User Guide, "Creating CloudWatch alarms for CloudTrail
 * events: examples", exactly as published. The guide's remaining examples (security groups, network
 * ACLs, gateways, VPCs, CloudTrail changes, IAM policy changes) are the same strings as the CIS
 * controls in {@link CisFilters}, except where noted there.
 */
final class UserGuideFilters {

    private UserGuideFilters() {}

    static final String S3_BUCKET_ACTIVITY =
            "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) ||"
                    + " ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) ||"
                    + " ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication)"
                    + " || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors)"
                    + " || ($.eventName = DeleteBucketLifecycle) ||"
                    + " ($.eventName = DeleteBucketReplication)) }";

    static final String SECURITY_GROUP_CONFIGURATION_CHANGES =
            "{ ($.eventName = AuthorizeSecurityGroupIngress) ||"
                    + " ($.eventName = AuthorizeSecurityGroupEgress) ||"
                    + " ($.eventName = RevokeSecurityGroupIngress) ||"
                    + " ($.eventName = RevokeSecurityGroupEgress) ||"
                    + " ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) }";

    static final String EC2_INSTANCE_CHANGES =
            "{ ($.eventName = RunInstances) || ($.eventName = RebootInstances) ||"
                    + " ($.eventName = StartInstances) || ($.eventName = StopInstances) ||"
                    + " ($.eventName = TerminateInstances) }";

    static final String EC2_LARGE_INSTANCE_CHANGES =
            "{ ($.eventName = RunInstances) && (($.requestParameters.instanceType = *.8xlarge) ||"
                    + " ($.requestParameters.instanceType = *.4xlarge)) }";

    static final String CONSOLE_SIGN_IN_FAILURES =
            "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }";

    static final String AUTHORIZATION_FAILURES =
            "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }";
}
