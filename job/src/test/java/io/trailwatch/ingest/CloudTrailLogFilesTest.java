package io.trailwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloudTrailLogFilesTest {

    @Test
    void recognisesLogFilesAndSkipsDigestsInsightsAndForeignKeys() {
        assertThat(
                        CloudTrailLogFiles.isLogFile(
                                "prefix/AWSLogs/111122223333/CloudTrail/us-east-1/2023/07/10/"
                                        + "111122223333_CloudTrail_us-east-1_20230710T1145Z_7xgocspSowgK0Gto.json.gz"))
                .isTrue();
        assertThat(
                        CloudTrailLogFiles.isLogFile(
                                "AWSLogs/o-abc123/111122223333/CloudTrail/eu-west-1/2023/07/10/"
                                        + "111122223333_CloudTrail_eu-west-1_20230710T1145Z_x.json.gz"))
                .isTrue();
        assertThat(
                        CloudTrailLogFiles.isLogFile(
                                "AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2023/07/10/"
                                        + "111122223333_CloudTrail-Digest_us-east-1_trail_us-east-1_20230710T114500Z.json.gz"))
                .isFalse();
        assertThat(
                        CloudTrailLogFiles.isLogFile(
                                "AWSLogs/111122223333/CloudTrail-Insight/us-east-1/2023/07/10/"
                                        + "111122223333_CloudTrail-Insight_us-east-1_20230710T1145Z_x.json.gz"))
                .isFalse();
        assertThat(CloudTrailLogFiles.isLogFile("images/cat.png")).isFalse();
    }
}
