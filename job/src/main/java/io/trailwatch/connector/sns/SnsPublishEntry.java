package io.trailwatch.connector.sns;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;

/**
 * One alert, ready to publish: the fields of a {@link PublishBatchRequestEntry} that the sink sets.
 * The sink buffers and checkpoints these rather than SDK objects, so that their size and their
 * serialized form are ours to define. The batch entry id is given per request by the writer.
 */
public final class SnsPublishEntry implements Serializable {

    private static final long serialVersionUID = 1L;

    /** SNS's limit for one message, and for all messages of one PublishBatch request together. */
    public static final int MAX_PUBLISH_BYTES = 262_144;

    /** SNS's limit of entries in one PublishBatch request. */
    public static final int MAX_BATCH_ENTRIES = 10;

    static final String SEVERITY_ATTRIBUTE = "severity";
    static final String PATTERN_ID_ATTRIBUTE = "patternId";
    private static final String STRING_TYPE = "String";

    private final String subject;
    private final String message;
    private final String severity;
    private final String patternId;
    private final String messageGroupId;
    private final String deduplicationId;

    /**
     * @param messageGroupId FIFO topics only, else null
     * @param deduplicationId FIFO topics only, else null
     */
    public SnsPublishEntry(
            String subject,
            String message,
            String severity,
            String patternId,
            String messageGroupId,
            String deduplicationId) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.message = Objects.requireNonNull(message, "message");
        this.severity = Objects.requireNonNull(severity, "severity");
        this.patternId = Objects.requireNonNull(patternId, "patternId");
        this.messageGroupId = messageGroupId;
        this.deduplicationId = deduplicationId;
    }

    public String subject() {
        return subject;
    }

    public String message() {
        return message;
    }

    public String severity() {
        return severity;
    }

    public String patternId() {
        return patternId;
    }

    public String messageGroupId() {
        return messageGroupId;
    }

    public String deduplicationId() {
        return deduplicationId;
    }

    /**
     * The bytes SNS counts against its size limit: message, subject and message attributes (name,
     * type and value each). FIFO ids are added too, which errs on the safe side.
     */
    public long sizeInBytes() {
        return utf8Length(message)
                + overheadBytes(subject, severity, patternId)
                + utf8Length(messageGroupId)
                + utf8Length(deduplicationId);
    }

    /** The bytes an entry with these fields needs besides its message. */
    static long overheadBytes(String subject, String severity, String patternId) {
        return utf8Length(subject)
                + attributeBytes(SEVERITY_ATTRIBUTE, severity)
                + attributeBytes(PATTERN_ID_ATTRIBUTE, patternId);
    }

    /** This entry as an SDK batch entry with the given id (unique within its request). */
    PublishBatchRequestEntry toRequestEntry(String id) {
        return PublishBatchRequestEntry.builder()
                .id(id)
                .subject(subject)
                .message(message)
                .messageAttributes(
                        Map.of(
                                SEVERITY_ATTRIBUTE, stringAttribute(severity),
                                PATTERN_ID_ATTRIBUTE, stringAttribute(patternId)))
                .messageGroupId(messageGroupId)
                .messageDeduplicationId(deduplicationId)
                .build();
    }

    private static MessageAttributeValue stringAttribute(String value) {
        return MessageAttributeValue.builder().dataType(STRING_TYPE).stringValue(value).build();
    }

    private static long attributeBytes(String name, String value) {
        return utf8Length(name) + utf8Length(STRING_TYPE) + utf8Length(value);
    }

    static long utf8Length(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SnsPublishEntry)) {
            return false;
        }
        SnsPublishEntry other = (SnsPublishEntry) o;
        return subject.equals(other.subject)
                && message.equals(other.message)
                && severity.equals(other.severity)
                && patternId.equals(other.patternId)
                && Objects.equals(messageGroupId, other.messageGroupId)
                && Objects.equals(deduplicationId, other.deduplicationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(subject, message, severity, patternId, messageGroupId, deduplicationId);
    }

    /** Names the alert, never its content: alerts carry identities and addresses. */
    @Override
    public String toString() {
        return "SnsPublishEntry{patternId="
                + patternId
                + ", severity="
                + severity
                + ", bytes="
                + sizeInBytes()
                + "}";
    }
}
