package io.trailwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The SQS queue subscribed to the alert topic, as an alert subscriber reads it. */
public final class SubscribedQueue implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;

    public SubscribedQueue(String endpoint, String region, String queueName) {
        this.sqs =
                SqsClient.builder()
                        .region(Region.of(region))
                        .endpointOverride(URI.create(endpoint))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("e2e", "e2e")))
                        .httpClientBuilder(ApacheHttpClient.builder())
                        .build();
        this.queueUrl = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
    }

    /**
     * Receives SNS envelopes until {@code expected} arrived (then one poll more, to catch any
     * extra) or {@code timeout} passed; deletes what it received.
     */
    public List<JsonNode> receive(int expected, Duration timeout) throws Exception {
        List<JsonNode> received = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        boolean lastLook = false;
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> messages = poll();
            received.addAll(messages);
            if (lastLook && messages.isEmpty()) {
                break;
            }
            lastLook = received.size() >= expected;
        }
        return received;
    }

    /** One long poll of up to a second: the SNS envelopes that arrived, deleted from the queue. */
    public List<JsonNode> poll() throws Exception {
        List<JsonNode> received = new ArrayList<>();
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
                    request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
        }
        return received;
    }

    @Override
    public void close() {
        sqs.close();
    }
}
