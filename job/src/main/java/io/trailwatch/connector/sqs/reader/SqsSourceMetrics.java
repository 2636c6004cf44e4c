package io.trailwatch.connector.sqs.reader;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/** The numbers an operator watches on the ingest, registered on the reader's metric group. */
final class SqsSourceMetrics {

    final Counter messagesReceived;
    final Counter messagesDeleted;
    final Counter messagesLeftForRedrive;
    final Counter notificationsUnparseable;
    final Counter notificationsNotAllowlisted;
    final Counter filesFetched;
    final Counter filesSkipped;
    final Counter filesAlreadyRead;
    final Counter filesFailed;
    final Counter bytesFetched;
    final Counter recordsEmitted;
    private final AtomicLong lastFetchLatencyMillis = new AtomicLong();

    /** Newest event time seen per delivery stream (account/region). */
    private final Map<String, Long> newestEventTime = new ConcurrentHashMap<>();

    SqsSourceMetrics(MetricGroup group) {
        messagesReceived = group.counter("messagesReceived");
        messagesDeleted = group.counter("messagesDeleted");
        messagesLeftForRedrive = group.counter("messagesLeftForRedrive");
        notificationsUnparseable = group.counter("notificationsUnparseable");
        notificationsNotAllowlisted = group.counter("notificationsNotAllowlisted");
        filesFetched = group.counter("filesFetched");
        filesSkipped = group.counter("filesSkipped");
        filesAlreadyRead = group.counter("filesAlreadyRead");
        filesFailed = group.counter("filesFailed");
        bytesFetched = group.counter("bytesFetched");
        recordsEmitted = group.counter("recordsEmitted");
        group.gauge("fetchLatencyMillis", lastFetchLatencyMillis::get);
        group.gauge("deliveryLagMillis", this::maxDeliveryLagMillis);
    }

    void fetchLatency(long millis) {
        lastFetchLatencyMillis.set(millis);
    }

    void recordEmitted(CloudTrailRecord record) {
        recordsEmitted.inc();
        if (record.hasValidEventTime()) {
            String stream = record.recipientAccountId() + "/" + record.awsRegion();
            newestEventTime.merge(stream, record.eventTimeMillis(), Math::max);
        }
    }

    /**
     * Now minus the newest event time, for the delivery stream that is furthest behind: how late
     * the slowest account and region arrives.
     */
    long maxDeliveryLagMillis() {
        long now = System.currentTimeMillis();
        long lag = 0;
        for (long newest : newestEventTime.values()) {
            lag = Math.max(lag, now - newest);
        }
        return lag;
    }
}
