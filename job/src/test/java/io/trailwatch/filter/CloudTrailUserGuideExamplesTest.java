package io.trailwatch.filter;

import static io.trailwatch.filter.FilterAssertions.compile;
import static io.trailwatch.filter.FilterAssertions.event;
import static io.trailwatch.filter.SampleRecords.json;
import static io.trailwatch.filter.SampleRecords.sample;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CloudTrail User Guide's alarm examples against real CloudTrail records. */
class CloudTrailUserGuideExamplesTest {

    @Test
    void s3BucketActivity() {
        CompiledFilter filter = compile(UserGuideFilters.S3_BUCKET_ACTIVITY);
        assertThat(filter.matches(sample("put-bucket-policy"))).isTrue();
        assertThat(filter.matches(sample("delete-bucket-policy"))).isTrue();
        assertThat(filter.matches(sample("get-bucket-policy"))).isFalse();
    }

    @Test
    void securityGroupConfigurationChanges() {
        CompiledFilter filter = compile(UserGuideFilters.SECURITY_GROUP_CONFIGURATION_CHANGES);
        assertThat(filter.matches(sample("authorize-security-group-ingress"))).isTrue();
        assertThat(filter.matches(sample("create-security-group"))).isTrue();
        assertThat(filter.matches(sample("describe-security-groups"))).isFalse();
    }

    @Test
    void networkAclGatewayVpcCloudTrailAndIamPolicyChanges() {
        assertThat(compile(CisFilters.NACL_CHANGES).matches(sample("create-network-acl-entry")))
                .isTrue();
        assertThat(compile(CisFilters.NACL_CHANGES).matches(sample("describe-network-acls")))
                .isFalse();
        assertThat(
                        compile(CisFilters.NETWORK_GATEWAY_CHANGES)
                                .matches(sample("attach-internet-gateway")))
                .isTrue();
        assertThat(compile(CisFilters.VPC_CHANGES).matches(sample("create-vpc"))).isTrue();
        assertThat(
                        compile(CisFilters.CLOUDTRAIL_CONFIGURATION_CHANGES)
                                .matches(sample("stop-logging")))
                .isTrue();
        assertThat(compile(CisFilters.IAM_POLICY_CHANGES).matches(sample("attach-role-policy")))
                .isTrue();
    }

    @Test
    void ec2InstanceChanges() {
        CompiledFilter filter = compile(UserGuideFilters.EC2_INSTANCE_CHANGES);
        assertThat(filter.matches(sample("run-instances"))).isTrue();
        assertThat(filter.matches(sample("terminate-instances"))).isTrue();
        assertThat(filter.matches(sample("create-vpc"))).isFalse();
    }

    @Test
    void ec2LargeInstanceChangesUseALeadingWildcard() {
        CompiledFilter filter = compile(UserGuideFilters.EC2_LARGE_INSTANCE_CHANGES);
        String micro = json("run-instances");
        String large =
                micro.replace("\"instanceType\":\"t3.micro\"", "\"instanceType\":\"m5.8xlarge\"");

        assertThat(large).contains("m5.8xlarge");
        assertThat(filter.matches(event(micro))).isFalse();
        assertThat(filter.matches(event(large))).isTrue();
        assertThat(filter.matches(sample("terminate-instances"))).isFalse();
    }

    @Test
    void consoleSignInFailures() {
        CompiledFilter filter = compile(UserGuideFilters.CONSOLE_SIGN_IN_FAILURES);
        assertThat(filter.matches(sample("console-login-failed-authentication"))).isTrue();
        assertThat(filter.matches(sample("console-login-without-mfa"))).isFalse();
        assertThat(filter.matches(sample("access-denied"))).isFalse();
    }

    @Test
    void authorizationFailures() {
        CompiledFilter filter = compile(UserGuideFilters.AUTHORIZATION_FAILURES);
        assertThat(filter.matches(sample("unauthorized-operation"))).isTrue();
        assertThat(filter.matches(sample("access-denied"))).isTrue();
        assertThat(filter.matches(sample("successful-api-call"))).isFalse();
    }
}
