package io.trailwatch.testing;

import io.trailwatch.aws.AwsClientSettings;
import java.net.URI;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * ElasticMQ (SQS) and S3Proxy (S3) running in this JVM on 127.0.0.1, the stand-ins DESIGN §2 names.
 * The emulators accept any credentials; the source finds the dummy ones through the default
 * provider chain (system properties), as it would find real ones.
 */
public final class LocalAws implements AutoCloseable {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";
    private static final String DUMMY_KEY = "test";

    private final SQSRestServer sqsServer;
    private final S3Proxy s3Proxy;
    public final String sqsEndpoint;
    public final String s3Endpoint;
    public final SqsClient sqs;
    public final S3Client s3;

    public LocalAws() throws Exception {
        System.setProperty("aws.accessKeyId", DUMMY_KEY);
        System.setProperty("aws.secretAccessKey", DUMMY_KEY);
        sqsServer =
                SQSRestServerBuilder.withInterface("127.0.0.1")
                        .withDynamicPort()
                        .withAWSRegion(REGION)
                        .withAWSAccountId(ACCOUNT)
                        .start();
        sqsEndpoint = "http://127.0.0.1:" + sqsServer.waitUntilStarted().localAddress().getPort();

        Properties blobStore = new Properties();
        BlobStoreContext context =
                ContextBuilder.newBuilder("transient")
                        .credentials("identity", "credential")
                        .overrides(blobStore)
                        .build(BlobStoreContext.class);
        s3Proxy =
                S3Proxy.builder()
                        .blobStore(context.getBlobStore())
                        .endpoint(URI.create("http://127.0.0.1:0"))
                        .awsAuthentication(AuthenticationType.NONE, null, null)
                        .ignoreUnknownHeaders(true)
                        .build();
        s3Proxy.start();
        while (!"STARTED".equals(s3Proxy.getState())) {
            Thread.sleep(10);
        }
        s3Endpoint = "http://127.0.0.1:" + s3Proxy.getPort();

        var credentials =
                StaticCredentialsProvider.create(AwsBasicCredentials.create(DUMMY_KEY, DUMMY_KEY));
        sqs =
                SqsClient.builder()
                        .region(Region.of(REGION))
                        .endpointOverride(URI.create(sqsEndpoint))
                        .credentialsProvider(credentials)
                        .build();
        s3 =
                S3Client.builder()
                        .region(Region.of(REGION))
                        .endpointOverride(URI.create(s3Endpoint))
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                        .credentialsProvider(credentials)
                        .build();
    }

    public AwsClientSettings sqsSettings() {
        return AwsClientSettings.forRegion(REGION).withEndpointOverride(sqsEndpoint);
    }

    public AwsClientSettings s3Settings() {
        return AwsClientSettings.forRegion(REGION)
                .withEndpointOverride(s3Endpoint)
                .withPathStyleAccess(true);
    }

    /** A fresh queue whose messages move to its own dead-letter queue after two receives. */
    public Queues createQueueWithDeadLetterQueue(
            int maxReceiveCount, int visibilityTimeoutSeconds) {
        String name = "cloudtrail-" + UUID.randomUUID().toString().substring(0, 8);
        String dlqUrl = sqs.createQueue(b -> b.queueName(name + "-dlq")).queueUrl();
        String dlqArn =
                sqs.getQueueAttributes(
                                b ->
                                        b.queueUrl(dlqUrl)
                                                .attributeNames(QueueAttributeName.QUEUE_ARN))
                        .attributes()
                        .get(QueueAttributeName.QUEUE_ARN);
        String redrive =
                "{\"deadLetterTargetArn\":\""
                        + dlqArn
                        + "\",\"maxReceiveCount\":\""
                        + maxReceiveCount
                        + "\"}";
        String url =
                sqs.createQueue(
                                b ->
                                        b.queueName(name)
                                                .attributes(
                                                        Map.of(
                                                                QueueAttributeName.REDRIVE_POLICY,
                                                                redrive,
                                                                QueueAttributeName
                                                                        .VISIBILITY_TIMEOUT,
                                                                String.valueOf(
                                                                        visibilityTimeoutSeconds))))
                        .queueUrl();
        return new Queues(url, dlqUrl);
    }

    /** Messages visible plus in flight: zero once every message was deleted or moved. */
    public int messagesLeft(String queueUrl) {
        Map<QueueAttributeName, String> attributes =
                sqs.getQueueAttributes(
                                b ->
                                        b.queueUrl(queueUrl)
                                                .attributeNames(
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES,
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                                                        QueueAttributeName
                                                                .APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
                        .attributes();
        return attributes.values().stream().mapToInt(Integer::parseInt).sum();
    }

    public record Queues(String url, String deadLetterUrl) {}

    @Override
    public void close() throws Exception {
        sqs.close();
        s3.close();
        s3Proxy.stop();
        sqsServer.stopAndWait();
    }
}
