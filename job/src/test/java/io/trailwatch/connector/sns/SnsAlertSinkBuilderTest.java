package io.trailwatch.connector.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SnsAlertSinkBuilderTest {

    private static final String TOPIC_ARN = "arn:aws:sns:eu-west-1:123456789012:trailwatch-alerts";

    @Test
    void topicArnIsRequired() {
        assertThatThrownBy(() -> SnsAlertSink.builder().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic ARN is required");
    }

    @Test
    void malformedTopicArnIsRejectedWithTheExpectedForm() {
        assertThatThrownBy(() -> SnsAlertSink.builder().setTopicArn("trailwatch-alerts").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'trailwatch-alerts' is not an SNS topic ARN")
                .hasMessageContaining("arn:aws:sns:<region>");
    }

    @Test
    void batchesLargerThanSnsAllowsAreRejected() {
        assertThatThrownBy(
                        () ->
                                SnsAlertSink.builder()
                                        .setTopicArn(TOPIC_ARN)
                                        .setMaxBatchSize(11)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxBatchSize must be at most 10");
    }

    @Test
    void buildsWithDefaults() {
        SnsAlertSink sink =
                SnsAlertSink.builder().setTopicArn(TOPIC_ARN).setRegion("eu-west-1").build();

        assertThat(sink.topicArn()).isEqualTo(TOPIC_ARN);
        assertThat(sink.maxTimeInBuffer()).isEqualTo(Duration.ofMillis(100));
        assertThat(sink.retryBackoff()).isEqualTo(SnsRetryBackoff.DEFAULT);
    }

    @Test
    void bufferTimesOutsideOneMillisecondToOneMinuteAreRejected() {
        assertThatThrownBy(
                        () ->
                                SnsAlertSink.builder()
                                        .setTopicArn(TOPIC_ARN)
                                        .setMaxTimeInBufferMS(60_001)
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "maxTimeInBufferMS must be between 1 and 60000 ms; was 60001");
        assertThat(
                        SnsAlertSink.builder()
                                .setTopicArn(TOPIC_ARN)
                                .setMaxTimeInBufferMS(60_000)
                                .build()
                                .maxTimeInBuffer())
                .isEqualTo(Duration.ofMinutes(1));
    }
}
