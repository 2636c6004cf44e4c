package io.trailwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * Reads the queue subscribed to the alert topic in the background and notes, for each event id of
 * an alert of one pattern, the {@link System#nanoTime()} at which the alert was received. The time
 * is taken as soon as the receive call returns, before the message is parsed or deleted.
 */
final class AlertArrivals implements AutoCloseable {

    /**
     * Short, so that stopping does not wait long; a long poll returns as soon as a message is in.
     */
    private static final int WAIT_SECONDS = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final SqsClient sqs;
    private final String queueUrl;
    private final String patternId;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Exception failure;

    AlertArrivals(String endpoint, String region, String queueName, String patternId) {
        this.sqs =
                SqsClient.builder()
                        .region(Region.of(region))
                        .endpointOverride(URI.create(endpoint))
                        .credentialsProvider(
                                StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create("bench", "bench")))
                        .httpClientBuilder(ApacheHttpClient.builder())
                        .build();
        this.queueUrl = sqs.getQueueUrl(request -> request.queueName(queueName)).queueUrl();
        this.patternId = patternId;
        this.poller = new Thread(this::pollUntilClosed, "latency-alert-arrivals");
        poller.setDaemon(true);
        poller.start();
    }

    /** When the alert naming {@code eventId} arrived, or null if it has not. */
    Long arrivalNanos(String eventId) {
        if (failure != null) {
            throw new IllegalStateException("reading the subscribed queue failed: " + failure);
        }
        return arrivals.get(eventId);
    }

    private void pollUntilClosed() {
        while (running) {
            try {
                List<Message> messages =
                        sqs.receiveMessage(
                                        request ->
                                                request.queueUrl(queueUrl)
                                                        .maxNumberOfMessages(10)
                                                        .waitTimeSeconds(WAIT_SECONDS))
                                .messages();
                long received = System.nanoTime();
                if (messages.isEmpty()) {
                    continue;
                }
                for (Message message : messages) {
                    note(MAPPER.readTree(message.body()), received);
                }
                sqs.deleteMessageBatch(
                        request ->
                                request.queueUrl(queueUrl)
                                        .entries(
                                                messages.stream()
                                                        .map(
                                                                m ->
                                                                        DeleteMessageBatchRequestEntry
                                                                                .builder()
                                                                                .id(m.messageId())
                                                                                .receiptHandle(
                                                                                        m
                                                                                                .receiptHandle())
                                                                                .build())
                                                        .toList()));
            } catch (Exception e) {
                if (running) {
                    failure = e;
                    running = false;
                }
            }
        }
    }

    private void note(JsonNode envelope, long received) throws Exception {
        JsonNode alert = MAPPER.readTree(envelope.path("Message").asText());
        if (!patternId.equals(alert.path("patternId").asText())) {
            return;
        }
        for (JsonNode eventId : alert.path("eventIds")) {
            arrivals.putIfAbsent(eventId.asText(), received);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        poller.join((WAIT_SECONDS + 5) * 1000L);
        sqs.close();
    }
}
