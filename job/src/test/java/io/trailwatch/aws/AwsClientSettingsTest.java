package io.trailwatch.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

class AwsClientSettingsTest {

    @Test
    void anEndpointOverrideMustBeAnAbsoluteUrl() {
        assertThatThrownBy(
                        () ->
                                AwsClientSettings.forRegion("eu-west-1")
                                        .withEndpointOverride("127.0.0.1:9324"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://127.0.0.1:9324");
    }

    @Test
    void blankValuesMeanTheSdkDefaults() {
        AwsClientSettings settings = AwsClientSettings.forRegion(" ").withEndpointOverride("");

        assertThat(settings.region()).isNull();
        assertThat(settings.endpointOverride()).isNull();
        assertThat(settings.toString()).contains("<default chain>", "<AWS>");
    }

    @Test
    void providersBuildClientsForTheGivenRegionAndEndpoint() {
        AwsClientSettings settings =
                AwsClientSettings.forRegion("eu-west-1")
                        .withEndpointOverride("http://127.0.0.1:4566")
                        .withPathStyleAccess(true);

        try (SqsClient sqs = AwsClients.sqs(settings).createSqsClient();
                S3Client s3 = AwsClients.s3(settings).createS3Client()) {
            assertThat(sqs.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
            assertThat(s3.serviceClientConfiguration().endpointOverride())
                    .hasValueSatisfying(uri -> assertThat(uri.getPort()).isEqualTo(4566));
        }
    }
}
