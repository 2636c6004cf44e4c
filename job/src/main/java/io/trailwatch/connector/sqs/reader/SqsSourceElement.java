package io.trailwatch.connector.sqs.reader;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.ingest.LogFileFetch;
import io.trailwatch.ingest.S3ObjectRef;

/**
 * What the fetch thread hands the task thread, in order: records, then a marker when a file ends,
 * then a marker when all files of a message are emitted. The markers travel with the records so the
 * task thread knows exactly which checkpoint covers a file and a message.
 */
final class SqsSourceElement {

    enum Kind {
        RECORD,
        FILE_DONE,
        MESSAGE_DONE
    }

    final Kind kind;
    final CloudTrailRecord record;
    final S3ObjectRef file;
    final LogFileFetch.Outcome outcome;
    final String messageId;

    private SqsSourceElement(
            Kind kind,
            CloudTrailRecord record,
            S3ObjectRef file,
            LogFileFetch.Outcome outcome,
            String messageId) {
        this.kind = kind;
        this.record = record;
        this.file = file;
        this.outcome = outcome;
        this.messageId = messageId;
    }

    static SqsSourceElement record(CloudTrailRecord record) {
        return new SqsSourceElement(Kind.RECORD, record, null, null, null);
    }

    static SqsSourceElement fileDone(S3ObjectRef file, LogFileFetch.Outcome outcome) {
        return new SqsSourceElement(Kind.FILE_DONE, null, file, outcome, null);
    }

    /** All files of the message are emitted: delete it once a checkpoint covers this point. */
    static SqsSourceElement messageDone(String messageId) {
        return new SqsSourceElement(Kind.MESSAGE_DONE, null, null, null, messageId);
    }
}
