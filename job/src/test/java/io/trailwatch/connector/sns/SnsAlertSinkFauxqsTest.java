package io.trailwatch.connector.sns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertJson;
import io.trailwatch.testing.FauxqsEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The SNS sink in a Flink job against the fauxqs emulator over the real wire protocol: alerts
 * published to a topic arrive once each, in the SNS envelope, on the queue subscribed to it.
 */
class SnsAlertSinkFauxqsTest {

    private static final String REGION = "us-east-1";
    private static final String TOPIC = "trailwatch-alerts";
    private static final String TOPIC_ARN = "arn:aws:sns:us-east-1:000000000000:" + TOPIC;
    private static final String QUEUE = "trailwatch-alerts-subscriber";
    private static final String INIT_CONFIG =
            "{\"queues\": [{\"name\": \""
                    + QUEUE
                    + "\"}],"
                    + " \"topics\": [{\"name\": \""
                    + TOPIC
                    + "\"}],"
                    + " \"subscriptions\": [{\"topic\": \""
                    + TOPIC
                    + "\", \"queue\": \""
                    + QUEUE
                    + "\"}]}";

    /** fauxqs checks no signatures; the default credentials chain needs some all the same. */
    private static final String ACCESS_KEY_PROPERTY = "aws.accessKeyId";

    private static final String SECRET_KEY_PROPERTY = "aws.secretAccessKey";
    private static final String EMULATOR_KEY = "fauxqs-test";
    private static final String[] SEVERITIES = {"info", "low", "medium", "high", "critical"};
    private static final int ALERTS = 25;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    @TempDir static Path workDir;

    private static FauxqsEmulator fauxqs;
    private static String previousAccessKey;
    private static String previousSecretKey;

    @BeforeAll
    static void startEmulator() throws Exception {
        fauxqs = FauxqsEmulator.start(workDir, INIT_CONFIG);
        previousAccessKey = System.setProperty(ACCESS_KEY_PROPERTY, EMULATOR_KEY);
        previousSecretKey = System.setProperty(SECRET_KEY_PROPERTY, EMULATOR_KEY);
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        restore(ACCESS_KEY_PROPERTY, previousAccessKey);
        restore(SECRET_KEY_PROPERTY, previousSecretKey);
        if (fauxqs != null) {
            fauxqs.close();
        }
    }

    @Test
    void everyAlertArrivesOnceInTheSnsEnvelopeWithItsAttributes() throws Exception {
        List<Alert> alerts = alertsOfEverySeverity();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(alerts)
                .sinkTo(
                        SnsAlertSink.builder()
                                .setTopicArn(TOPIC_ARN)
                                .setRegion(REGION)
                                .setEndpointOverride(fauxqs.endpoint())
                                .build())
                .name("sns-alerts");
        env.execute("sns alert sink against fauxqs");

        List<JsonNode> envelopes = receiveFromSubscribedQueue(ALERTS);
        Map<String, Alert> sent = new HashMap<>();
        alerts.forEach(alert -> sent.put(alert.alertId, alert));
        List<String> arrivedIds = new ArrayList<>();
        for (JsonNode envelope : envelopes) {
            assertThat(envelope.path("Type").asText()).isEqualTo("Notification");
            assertThat(envelope.path("TopicArn").asText()).isEqualTo(TOPIC_ARN);
            assertThat(envelope.path("MessageId").asText()).isNotEmpty();
            Alert arrived = AlertJson.parse(envelope.path("Message").asText());
            arrivedIds.add(arrived.alertId);
            assertThat(arrived).isEqualTo(sent.get(arrived.alertId));
            JsonNode attributes = envelope.path("MessageAttributes");
            assertThat(attributes.path("severity").path("Type").asText()).isEqualTo("String");
            assertThat(attributes.path("severity").path("Value").asText())
                    .isEqualTo(arrived.severity);
            assertThat(attributes.path("patternId").path("Type").asText()).isEqualTo("String");
            assertThat(attributes.path("patternId").path("Value").asText())
                    .isEqualTo(arrived.patternId);
            assertThat(envelope.path("Subject").asText())
                    .startsWith("[" + arrived.severity.toUpperCase(Locale.ROOT) + "] ")
                    .contains(arrived.title);
        }
        assertThat(arrivedIds).containsExactlyInAnyOrderElementsOf(sent.keySet());
    }

    /** Receives until {@code expected} messages arrived, then once more to catch duplicates. */
    private static List<JsonNode> receiveFromSubscribedQueue(int expected) throws Exception {
        try (SqsClient sqs =
                SqsClient.builder()
                        .region(Region.of(REGION))
                        .endpointOverride(java.net.URI.create(fauxqs.endpoint()))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(EMULATOR_KEY, EMULATOR_KEY)))
                        .httpClientBuilder(ApacheHttpClient.builder())
                        .build()) {
            String queueUrl = sqs.getQueueUrl(request -> request.queueName(QUEUE)).queueUrl();
            List<JsonNode> received = new ArrayList<>();
            Instant deadline = Instant.now().plus(DELIVERY_TIMEOUT);
            boolean lastLook = false;
            while (Instant.now().isBefore(deadline)) {
                List<Message> messages =
                        sqs.receiveMessage(
                                        request ->
                                                request.queueUrl(queueUrl)
                                                        .maxNumberOfMessages(10)
                                                        .waitTimeSeconds(1))
                                .messages();
                for (Message message : messages) {
                    received.add(MAPPER.readTree(message.body()));
                    sqs.deleteMessage(
                            request ->
                                    request.queueUrl(queueUrl)
                                            .receiptHandle(message.receiptHandle()));
                }
                if (lastLook && messages.isEmpty()) {
                    break;
                }
                lastLook = received.size() >= expected;
            }
            assertThat(received)
                    .as("messages on the subscribed queue; fauxqs log:%n%s", fauxqs.logText())
                    .hasSize(expected);
            return received;
        }
    }

    private static List<Alert> alertsOfEverySeverity() {
        List<Alert> alerts = new ArrayList<>();
        for (int n = 0; n < ALERTS; n++) {
            String severity = SEVERITIES[n % SEVERITIES.length];
            alerts.add(
                    n % 2 == 0
                            ? TestAlerts.alert(
                                    "root-account-usage",
                                    "Root account used",
                                    severity,
                                    new String[0],
                                    1,
                                    n)
                            : TestAlerts.alert(
                                    "console-signin-failures",
                                    "Console sign-in failures",
                                    severity,
                                    new String[] {"$.recipientAccountId"},
                                    3,
                                    n));
        }
        return alerts;
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }
}
