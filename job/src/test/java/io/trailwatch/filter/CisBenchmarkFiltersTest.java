package io.trailwatch.filter;

import static io.trailwatch.filter.FilterAssertions.compile;
import static io.trailwatch.filter.FilterAssertions.event;
import static io.trailwatch.filter.SampleRecords.json;
import static io.trailwatch.filter.SampleRecords.sample;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The CIS AWS Foundations monitoring filters, pasted unchanged, against real CloudTrail records.
 */
class CisBenchmarkFiltersTest {

    static Stream<Arguments> controls() {
        return Stream.of(
                control(
                        "4.1 unauthorized API calls",
                        CisFilters.UNAUTHORIZED_API_CALLS,
                        List.of("unauthorized-operation", "access-denied"),
                        List.of("successful-api-call", "console-login-without-mfa")),
                control(
                        "3.1 unauthorized API calls (v1.2)",
                        CisFilters.UNAUTHORIZED_API_CALLS_V1_2,
                        List.of("unauthorized-operation", "access-denied"),
                        List.of("successful-api-call")),
                control(
                        "4.2 console sign-in without MFA",
                        CisFilters.CONSOLE_SIGNIN_WITHOUT_MFA,
                        List.of(
                                "console-login-without-mfa",
                                "console-login-assumed-role-without-mfa"),
                        List.of("console-login-with-mfa", "successful-api-call")),
                control(
                        "4.2 console sign-in without MFA, IAM users",
                        CisFilters.CONSOLE_SIGNIN_WITHOUT_MFA_IAM_USERS,
                        List.of("console-login-without-mfa"),
                        List.of(
                                "console-login-assumed-role-without-mfa",
                                "console-login-with-mfa")),
                control(
                        "4.3 root account usage",
                        CisFilters.ROOT_ACCOUNT_USAGE,
                        List.of("root-console-login"),
                        // the access key was created through the console: invokedBy
                        // signin.amazonaws.com
                        List.of("root-create-access-key", "console-login-without-mfa")),
                control(
                        "4.4 IAM policy changes",
                        CisFilters.IAM_POLICY_CHANGES,
                        List.of("attach-role-policy", "put-user-policy"),
                        List.of("get-role-policy")),
                control(
                        "4.5 CloudTrail configuration changes",
                        CisFilters.CLOUDTRAIL_CONFIGURATION_CHANGES,
                        List.of("stop-logging", "create-trail"),
                        List.of("get-trail-status")),
                control(
                        "4.6 console authentication failures",
                        CisFilters.CONSOLE_AUTHENTICATION_FAILURES,
                        List.of("console-login-failed-authentication"),
                        List.of("console-login-without-mfa", "console-login-with-mfa")),
                control(
                        "4.7 disabling or scheduled deletion of CMKs",
                        CisFilters.DISABLE_OR_DELETE_CMK,
                        List.of("disable-key", "schedule-key-deletion"),
                        List.of("kms-decrypt")),
                control(
                        "4.8 S3 bucket policy changes",
                        CisFilters.S3_BUCKET_POLICY_CHANGES,
                        List.of("put-bucket-policy", "delete-bucket-policy"),
                        List.of("get-bucket-policy")),
                control(
                        "4.9 AWS Config changes",
                        CisFilters.AWS_CONFIG_CHANGES,
                        List.of("put-delivery-channel", "delete-delivery-channel"),
                        List.of("put-bucket-policy")),
                control(
                        "4.10 security group changes",
                        CisFilters.SECURITY_GROUP_CHANGES,
                        List.of("authorize-security-group-ingress", "create-security-group"),
                        List.of("describe-security-groups")),
                control(
                        "4.11 NACL changes",
                        CisFilters.NACL_CHANGES,
                        List.of("create-network-acl-entry"),
                        List.of("describe-network-acls")),
                control(
                        "4.12 network gateway changes",
                        CisFilters.NETWORK_GATEWAY_CHANGES,
                        List.of("attach-internet-gateway"),
                        List.of("create-nat-gateway")),
                control(
                        "4.13 route table changes",
                        CisFilters.ROUTE_TABLE_CHANGES,
                        List.of("create-route"),
                        List.of("associate-route-table")),
                control(
                        "4.14 VPC changes",
                        CisFilters.VPC_CHANGES,
                        List.of("create-vpc"),
                        List.of("create-subnet")),
                control(
                        "4.15 AWS Organizations changes",
                        CisFilters.ORGANIZATIONS_CHANGES,
                        List.of("leave-organization"),
                        List.of("describe-organization")));
    }

    private static Arguments control(
            String name, String filter, List<String> matching, List<String> notMatching) {
        return Arguments.of(name, filter, matching, notMatching);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("controls")
    void matchesTheRecordsTheControlIsAbout(
            String name, String filter, List<String> matching, List<String> notMatching) {
        CompiledFilter compiled = compile(filter);
        for (String sample : matching) {
            assertThat(compiled.matches(sample(sample))).as(name + " on " + sample).isTrue();
        }
        for (String sample : notMatching) {
            assertThat(compiled.matches(sample(sample))).as(name + " on " + sample).isFalse();
        }
    }

    @Test
    void unauthorizedApiCallsBindsAndTighterThanOr() {
        // CIS 4.1 reads A || (B && C && D): the exclusions only apply to AccessDenied.
        CompiledFilter filter = compile(CisFilters.UNAUTHORIZED_API_CALLS);
        String deliveryLogs = "\"sourceIPAddress\":\"delivery.logs.amazonaws.com\"";
        String accessDeniedFromDelivery =
                json("access-denied")
                        .replace("\"sourceIPAddress\":\"192.168.10.20\"", deliveryLogs);
        String unauthorizedFromDelivery =
                json("unauthorized-operation")
                        .replaceFirst("\"sourceIPAddress\":\"[^\"]*\"", deliveryLogs);

        assertThat(accessDeniedFromDelivery).contains(deliveryLogs);
        assertThat(filter.matches(event(accessDeniedFromDelivery))).isFalse();
        assertThat(filter.matches(event(unauthorizedFromDelivery))).isTrue();
    }

    @Test
    void rootUsageIgnoresEventsThatAwsItselfEmits() {
        CompiledFilter filter = compile(CisFilters.ROOT_ACCOUNT_USAGE);
        String serviceEventAsRoot =
                json("root-console-login")
                        .replace(
                                "\"eventType\":\"AwsConsoleSignIn\"",
                                "\"eventType\":\"AwsServiceEvent\"");

        assertThat(serviceEventAsRoot).contains("AwsServiceEvent");
        assertThat(filter.matches(event(serviceEventAsRoot))).isFalse();
    }

    @Test
    void everyControlReadsTheSelectorsItNames() {
        assertThat(compile(CisFilters.ROOT_ACCOUNT_USAGE).selectors())
                .containsExactly("$.userIdentity.type", "$.userIdentity.invokedBy", "$.eventType");
        assertThat(compile(CisFilters.DISABLE_OR_DELETE_CMK).selectorPaths())
                .containsExactly("eventSource", "eventName");
    }
}
