package io.trailwatch.demo;

import io.trailwatch.testing.FauxqsEmulator;
import io.trailwatch.testing.LocalAws;
import io.trailwatch.testing.SubscribedQueue;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The AWS side of the demo on 127.0.0.1: ElasticMQ with the notification queue and its dead-letter
 * queue, S3Proxy with the log bucket, and fauxqs with the alert topic and a queue subscribed to it.
 * {@link #close()} may run twice (normal end and the Ctrl-C hook); the second call does nothing.
 */
final class DemoEmulators implements AutoCloseable {

    static final String LOG_BUCKET = "org-cloudtrail-logs";
    static final String TOPIC = "trailwatch-alerts";
    static final String TOPIC_ARN = "arn:aws:sns:" + LocalAws.REGION + ":000000000000:" + TOPIC;
    static final String SUBSCRIBER = "security-team";

    /** Receives before a notification moves to the dead-letter queue. */
    static final int MAX_RECEIVE_COUNT = 3;

    static final int VISIBILITY_TIMEOUT_SECONDS = 30;

    private static final String FAUXQS_INIT =
            "{\"queues\": [{\"name\": \""
                    + SUBSCRIBER
                    + "\"}], \"topics\": [{\"name\": \""
                    + TOPIC
                    + "\"}], \"subscriptions\": [{\"topic\": \""
                    + TOPIC
                    + "\", \"queue\": \""
                    + SUBSCRIBER
                    + "\"}]}";

    final LocalAws aws;
    final FauxqsEmulator fauxqs;
    final LocalAws.Queues notifications;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DemoEmulators(LocalAws aws, FauxqsEmulator fauxqs, LocalAws.Queues notifications) {
        this.aws = aws;
        this.fauxqs = fauxqs;
        this.notifications = notifications;
    }

    static DemoEmulators start(Path workDir) throws Exception {
        LocalAws aws = new LocalAws(); // also sets the dummy credentials the job's SDK finds
        FauxqsEmulator fauxqs = null;
        try {
            fauxqs = FauxqsEmulator.start(workDir, FAUXQS_INIT);
            LocalAws.Queues queues =
                    aws.createQueueWithDeadLetterQueue(
                            MAX_RECEIVE_COUNT, VISIBILITY_TIMEOUT_SECONDS);
            aws.s3.createBucket(b -> b.bucket(LOG_BUCKET));
            return new DemoEmulators(aws, fauxqs, queues);
        } catch (Exception e) {
            if (fauxqs != null) {
                fauxqs.close();
            }
            aws.close();
            throw e;
        }
    }

    SubscribedQueue subscribedQueue() {
        return new SubscribedQueue(fauxqs.endpoint(), LocalAws.REGION, SUBSCRIBER);
    }

    @Override
    public void close() throws Exception {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            fauxqs.close();
        } finally {
            aws.close();
        }
    }
}
