package io.trailwatch.connector.sns;

import io.trailwatch.alert.Alert;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.connector.base.sink.writer.ElementConverter;

/**
 * Turns an alert into an SNS entry: the alert JSON as message (trimmed to SNS's limit), a subject a
 * person can read, and the attributes {@code severity} and {@code patternId} that subscription
 * filter policies match on. For FIFO topics, alerts of one pattern form one message group and the
 * deterministic alert id deduplicates reprocessed alerts.
 */
public class SnsAlertElementConverter implements ElementConverter<Alert, SnsPublishEntry> {

    private static final long serialVersionUID = 1L;

    private final boolean fifoTopic;

    public SnsAlertElementConverter(boolean fifoTopic) {
        this.fifoTopic = fifoTopic;
    }

    @Override
    public SnsPublishEntry apply(Alert alert, SinkWriter.Context context) {
        return convert(alert);
    }

    SnsPublishEntry convert(Alert alert) {
        String subject = AlertSubject.of(alert);
        String groupId = fifoTopic ? alert.patternId : null;
        String deduplicationId = fifoTopic ? alert.alertId : null;
        long messageBudget =
                SnsPublishEntry.MAX_PUBLISH_BYTES
                        - SnsPublishEntry.overheadBytes(subject, alert.severity, alert.patternId)
                        - SnsPublishEntry.utf8Length(groupId)
                        - SnsPublishEntry.utf8Length(deduplicationId);
        String message = AlertMessageTrimmer.fit(alert, messageBudget);
        return new SnsPublishEntry(
                subject, message, alert.severity, alert.patternId, groupId, deduplicationId);
    }

    /** SNS names FIFO topics with the suffix {@code .fifo}. */
    static boolean isFifoTopic(String topicArn) {
        return topicArn.endsWith(".fifo");
    }
}
