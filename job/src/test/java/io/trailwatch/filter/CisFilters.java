package io.trailwatch.filter;

/**
 * The CloudWatch metric filters of the CIS Amazon Web Services Foundations Benchmark monitoring
 * controls, exactly as CIS publishes them (section 4.x in v1.4.0–v3.0.0, 3.x in v1.2.0–v1.3.0, 5.x
 * in later versions), so the bundled patterns and tests use one copy of each.
 */
final class CisFilters {

    private CisFilters() {}

    /**
     * 4.1 Unauthorized API calls (v1.4.0 and later, with the delivery-logs and HeadBucket
     * exclusions).
     */
    static final String UNAUTHORIZED_API_CALLS =
            "{ ($.errorCode =\"*UnauthorizedOperation\") || ($.errorCode =\"AccessDenied*\") &&"
                    + " ($.sourceIPAddress!=\"delivery.logs.amazonaws.com\") &&"
                    + " ($.eventName!=\"HeadBucket\") }";

    /**
     * 3.1 Unauthorized API calls as in v1.2.0 (also the CloudTrail User Guide's "Authorization
     * Failures").
     */
    static final String UNAUTHORIZED_API_CALLS_V1_2 =
            "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }";

    /** 4.2 Management Console sign-in without MFA. */
    static final String CONSOLE_SIGNIN_WITHOUT_MFA =
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }";

    /** 4.2, the variant CIS gives for accounts using SSO (IAM users' successful sign-ins only). */
    static final String CONSOLE_SIGNIN_WITHOUT_MFA_IAM_USERS =
            "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") &&"
                    + " ($.userIdentity.type = \"IAMUser\") &&"
                    + " ($.responseElements.ConsoleLogin = \"Success\") }";

    /** 4.3 Usage of the root account. */
    static final String ROOT_ACCOUNT_USAGE =
            "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS &&"
                    + " $.eventType != \"AwsServiceEvent\" }";

    /** 4.4 IAM policy changes. */
    static final String IAM_POLICY_CHANGES =
            "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)"
                    + "||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)"
                    + "||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)"
                    + "||($.eventName=CreatePolicy)||($.eventName=DeletePolicy)"
                    + "||($.eventName=CreatePolicyVersion)||($.eventName=DeletePolicyVersion)"
                    + "||($.eventName=AttachRolePolicy)||($.eventName=DetachRolePolicy)"
                    + "||($.eventName=AttachUserPolicy)||($.eventName=DetachUserPolicy)"
                    + "||($.eventName=AttachGroupPolicy)||($.eventName=DetachGroupPolicy)}";

    /** 4.5 CloudTrail configuration changes. */
    static final String CLOUDTRAIL_CONFIGURATION_CHANGES =
            "{ ($.eventName = CreateTrail) || ($.eventName = UpdateTrail) ||"
                    + " ($.eventName = DeleteTrail) || ($.eventName = StartLogging) ||"
                    + " ($.eventName = StopLogging) }";

    /** 4.6 Management Console authentication failures. */
    static final String CONSOLE_AUTHENTICATION_FAILURES =
            "{ ($.eventName = ConsoleLogin) && ($.errorMessage = \"Failed authentication\") }";

    /** 4.7 Disabling or scheduled deletion of customer-created CMKs. */
    static final String DISABLE_OR_DELETE_CMK =
            "{($.eventSource = kms.amazonaws.com) &&"
                    + " (($.eventName=DisableKey)||($.eventName=ScheduleKeyDeletion)) }";

    /** 4.8 S3 bucket policy changes. */
    static final String S3_BUCKET_POLICY_CHANGES =
            "{ ($.eventSource = s3.amazonaws.com) && (($.eventName = PutBucketAcl) ||"
                    + " ($.eventName = PutBucketPolicy) || ($.eventName = PutBucketCors) ||"
                    + " ($.eventName = PutBucketLifecycle) || ($.eventName = PutBucketReplication)"
                    + " || ($.eventName = DeleteBucketPolicy) || ($.eventName = DeleteBucketCors)"
                    + " || ($.eventName = DeleteBucketLifecycle) ||"
                    + " ($.eventName = DeleteBucketReplication)) }";

    /** 4.9 AWS Config configuration changes. */
    static final String AWS_CONFIG_CHANGES =
            "{ ($.eventSource = config.amazonaws.com) &&"
                    + " (($.eventName=StopConfigurationRecorder)||($.eventName=DeleteDeliveryChannel)"
                    + " ||($.eventName=PutDeliveryChannel)||($.eventName=PutConfigurationRecorder)) }";

    /** 4.10 Security group changes (later versions add ModifySecurityGroupRules, as here). */
    static final String SECURITY_GROUP_CHANGES =
            "{ ($.eventName = AuthorizeSecurityGroupIngress) ||"
                    + " ($.eventName = AuthorizeSecurityGroupEgress) ||"
                    + " ($.eventName = RevokeSecurityGroupIngress) ||"
                    + " ($.eventName = RevokeSecurityGroupEgress) ||"
                    + " ($.eventName = CreateSecurityGroup) || ($.eventName = DeleteSecurityGroup) ||"
                    + " ($.eventName = ModifySecurityGroupRules) }";

    /** 4.11 Network access control list (NACL) changes. */
    static final String NACL_CHANGES =
            "{ ($.eventName = CreateNetworkAcl) || ($.eventName = CreateNetworkAclEntry) ||"
                    + " ($.eventName = DeleteNetworkAcl) || ($.eventName = DeleteNetworkAclEntry) ||"
                    + " ($.eventName = ReplaceNetworkAclEntry) ||"
                    + " ($.eventName = ReplaceNetworkAclAssociation) }";

    /** 4.12 Changes to network gateways. */
    static final String NETWORK_GATEWAY_CHANGES =
            "{ ($.eventName = CreateCustomerGateway) || ($.eventName = DeleteCustomerGateway) ||"
                    + " ($.eventName = AttachInternetGateway) ||"
                    + " ($.eventName = CreateInternetGateway) ||"
                    + " ($.eventName = DeleteInternetGateway) ||"
                    + " ($.eventName = DetachInternetGateway) }";

    /** 4.13 Route table changes (v1.5.0 and later restrict it to EC2). */
    static final String ROUTE_TABLE_CHANGES =
            "{($.eventSource = ec2.amazonaws.com) && (($.eventName = CreateRoute) ||"
                    + " ($.eventName = CreateRouteTable) || ($.eventName = ReplaceRoute) ||"
                    + " ($.eventName = ReplaceRouteTableAssociation) ||"
                    + " ($.eventName = DeleteRouteTable) || ($.eventName = DeleteRoute) ||"
                    + " ($.eventName = DisassociateRouteTable)) }";

    /** 4.14 VPC changes. */
    static final String VPC_CHANGES =
            "{ ($.eventName = CreateVpc) || ($.eventName = DeleteVpc) ||"
                    + " ($.eventName = ModifyVpcAttribute) ||"
                    + " ($.eventName = AcceptVpcPeeringConnection) ||"
                    + " ($.eventName = CreateVpcPeeringConnection) ||"
                    + " ($.eventName = DeleteVpcPeeringConnection) ||"
                    + " ($.eventName = RejectVpcPeeringConnection) ||"
                    + " ($.eventName = AttachClassicLinkVpc) || ($.eventName = DetachClassicLinkVpc)"
                    + " || ($.eventName = DisableVpcClassicLink) ||"
                    + " ($.eventName = EnableVpcClassicLink) }";

    /** 4.15 AWS Organizations changes. */
    static final String ORGANIZATIONS_CHANGES =
            "{ ($.eventSource = organizations.amazonaws.com) &&"
                    + " (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") ||"
                    + " ($.eventName = \"CreateAccount\") ||"
                    + " ($.eventName = \"CreateOrganizationalUnit\") ||"
                    + " ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") ||"
                    + " ($.eventName = \"DeleteOrganization\") ||"
                    + " ($.eventName = \"DeleteOrganizationalUnit\") ||"
                    + " ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") ||"
                    + " ($.eventName = \"DisablePolicyType\") ||"
                    + " ($.eventName = \"EnablePolicyType\") ||"
                    + " ($.eventName = \"InviteAccountToOrganization\") ||"
                    + " ($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") ||"
                    + " ($.eventName = \"RemoveAccountFromOrganization\") ||"
                    + " ($.eventName = \"UpdatePolicy\") ||"
                    + " ($.eventName = \"UpdateOrganizationalUnit\")) }";
}
