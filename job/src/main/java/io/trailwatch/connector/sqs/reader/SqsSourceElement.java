package io.trailwatch.connector.sqs.reader;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.S3ObjectRef;

/**
 * What the fetch thread hands the task thread, in order: a marker when a file is opened, its
 * records, a marker when the file ends, then a marker when all files of a message are emitted. The
 * markers travel with the records so the task thread knows exactly which checkpoint covers which
 * records of a file, a whole file, and a message.
 */
final class SqsSourceElement {

    enum Kind {
        FILE_OPENED,
        RECORD,
        FILE_DONE,
        MESSAGE_DONE
    }

    final Kind kind;
    final CloudTrailRecord record;
    final S3ObjectRef file;
    final LogFileFetch.Outcome outcome;
    final String messageId;
    final String eTag;
    final long recordsSkipped;

    private SqsSourceElement(
            Kind kind,
            CloudTrailRecord record,
            S3ObjectRef file,
            LogFileFetch.Outcome outcome,
            String messageId,
            String eTag,
            long recordsSkipped) {
        this.kind = kind;
        this.record = record;
        this.file = file;
        this.outcome = outcome;
        this.messageId = messageId;
        this.eTag = eTag;
        this.recordsSkipped = recordsSkipped;
    }

    /**
     * The file's records follow, after the first {@code recordsSkipped} an earlier read emitted.
     */
    static SqsSourceElement fileOpened(S3ObjectRef file, String eTag, long recordsSkipped) {
        return new SqsSourceElement(Kind.FILE_OPENED, null, file, null, null, eTag, recordsSkipped);
    }

    static SqsSourceElement record(CloudTrailRecord record) {
        return new SqsSourceElement(Kind.RECORD, record, null, null, null, null, 0);
    }

    static SqsSourceElement fileDone(S3ObjectRef file, LogFileFetch.Outcome outcome) {
        return new SqsSourceElement(Kind.FILE_DONE, null, file, outcome, null, null, 0);
    }

    /** All files of the message are emitted: delete it once a checkpoint covers this point. */
    static SqsSourceElement messageDone(String messageId) {
        return new SqsSourceElement(Kind.MESSAGE_DONE, null, null, null, messageId, null, 0);
    }
}
