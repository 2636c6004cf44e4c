package io.trailwatch.cloudtrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailObjectKey.Kind;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CloudTrailObjectKeyTest {

    private static final String LOG_KEY =
            "AWSLogs/123456789012/CloudTrail/us-east-1/2023/07/10/"
                    + "123456789012_CloudTrail_us-east-1_20230710T1145Z_7xgocspSowgK0Gto.json.gz";

    @Test
    void logFileKey() {
        CloudTrailObjectKey key = CloudTrailObjectKey.parse(LOG_KEY);

        assertThat(key.kind()).isEqualTo(Kind.LOG);
        assertThat(key.isLogFile()).isTrue();
        assertThat(key.accountId()).isEqualTo("123456789012");
        assertThat(key.region()).isEqualTo("us-east-1");
        assertThat(key.date()).isEqualTo(LocalDate.of(2023, 7, 10));
        assertThat(key.deliveryTime()).isEqualTo(Instant.parse("2023-07-10T11:45:00Z"));
        assertThat(key.deliveryStream()).isEqualTo("123456789012/us-east-1");
        assertThat(key.organizationId()).isEmpty();
        assertThat(key.prefix()).contains("");
        assertThat(key.hasStandardLayout()).isTrue();
    }

    @Test
    void prefixAndOrganizationTrail() {
        CloudTrailObjectKey key =
                CloudTrailObjectKey.parse(
                        "security/trails/AWSLogs/o-exampleorgid/111111111111/CloudTrail/eu-west-1/"
                                + "2024/02/29/111111111111_CloudTrail_eu-west-1_20240229T2355Z_abc123.json.gz");

        assertThat(key.kind()).isEqualTo(Kind.LOG);
        assertThat(key.prefix()).contains("security/trails");
        assertThat(key.organizationId()).contains("o-exampleorgid");
        assertThat(key.deliveryStream()).isEqualTo("111111111111/eu-west-1");
        assertThat(key.date()).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void digestKey() {
        CloudTrailObjectKey key =
                CloudTrailObjectKey.parse(
                        "AWSLogs/123456789012/CloudTrail-Digest/us-east-2/2023/07/10/"
                                + "123456789012_CloudTrail-Digest_us-east-2_my_trail_us-east-1_20230710T120000Z.json.gz");

        assertThat(key.kind()).isEqualTo(Kind.DIGEST);
        assertThat(key.isLogFile()).isFalse();
        assertThat(key.region()).isEqualTo("us-east-2");
        assertThat(key.deliveryTime()).isEqualTo(Instant.parse("2023-07-10T12:00:00Z"));
    }

    @Test
    void insightKey() {
        CloudTrailObjectKey key =
                CloudTrailObjectKey.parse(
                        "AWSLogs/123456789012/CloudTrail-Insight/us-east-1/2023/07/10/"
                                + "123456789012_CloudTrail-Insight_us-east-1_20230710T1145Z_Q1w2E3r4.json.gz");

        assertThat(key.kind()).isEqualTo(Kind.INSIGHT);
        assertThat(key.deliveryStream()).isEqualTo("123456789012/us-east-1");
    }

    @Test
    void fileNameAloneIsEnoughForLocalCopies() {
        CloudTrailObjectKey key =
                CloudTrailObjectKey.parse(
                        "/data/invictus/218007301253_CloudTrail_us-east-1_20230710T1145Z_7xgocspSowgK0Gto.json");

        assertThat(key.kind()).isEqualTo(Kind.LOG);
        assertThat(key.hasStandardLayout()).isFalse();
        assertThat(key.prefix()).isEmpty();
        assertThat(key.deliveryStream()).isEqualTo("218007301253/us-east-1");
        assertThat(key.date()).isEqualTo(LocalDate.of(2023, 7, 10));
    }

    @Test
    void foldersThatContradictTheFileNameAreNotTheStandardLayout() {
        CloudTrailObjectKey key =
                CloudTrailObjectKey.parse(
                        LOG_KEY.replace("CloudTrail/us-east-1/", "CloudTrail/eu-west-1/"));

        assertThat(key.kind()).isEqualTo(Kind.LOG);
        assertThat(key.hasStandardLayout()).isFalse();
    }

    @Test
    void foreignKeys() {
        for (String foreign :
                new String[] {
                    "",
                    "AWSLogs/123456789012/CloudTrail/us-east-1/2023/07/10/",
                    "AWSLogs/123456789012/CloudTrail/us-east-1/2023/07/10/notes.txt",
                    "AWSLogs/123456789012/vpcflowlogs/us-east-1/2023/07/10/"
                            + "123456789012_vpcflowlogs_us-east-1_fl-1_20230710T1145Z_abc.log.gz",
                    "123456789012_CloudTrail_us-east-1_2023-07-10_abc.json.gz",
                    "12345_CloudTrail_us-east-1_20230710T1145Z_abc.json.gz",
                    "123456789012_CloudTrail_us-east-1_20231310T1145Z_abc.json.gz"
                }) {
            CloudTrailObjectKey key = CloudTrailObjectKey.parse(foreign);
            assertThat(key.kind()).as(foreign).isEqualTo(Kind.FOREIGN);
            assertThat(key.deliveryStream()).as(foreign).isNull();
        }
        assertThat(CloudTrailObjectKey.parse(null).kind()).isEqualTo(Kind.FOREIGN);
    }
}
