package io.trailwatch.connector.sqs;

import io.trailwatch.aws.S3ClientProvider;
import io.trailwatch.aws.SqsClientProvider;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.connector.sqs.config.SqsSourceConfig;
import io.trailwatch.connector.sqs.enumerator.SqsEnumeratorState;
import io.trailwatch.connector.sqs.enumerator.SqsEnumeratorStateSerializer;
import io.trailwatch.connector.sqs.enumerator.SqsSplitEnumerator;
import io.trailwatch.connector.sqs.reader.SqsSourceReader;
import io.trailwatch.connector.sqs.split.SqsSplit;
import io.trailwatch.connector.sqs.split.SqsSplitSerializer;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * CloudTrail records from the log files that SQS notifications name (DESIGN §3, §4). Parallel
 * readers long-poll one queue; each reads the named S3 objects and deletes a message only when a
 * checkpoint covering all its records has completed. Build with {@link #builder()}.
 */
public final class SqsNotificationSource
        implements Source<CloudTrailRecord, SqsSplit, SqsEnumeratorState> {
    private static final long serialVersionUID = 1L;

    private final SqsSourceConfig config;
    private final SqsClientProvider sqsClients;
    private final S3ClientProvider s3Clients;

    SqsNotificationSource(
            SqsSourceConfig config, SqsClientProvider sqsClients, S3ClientProvider s3Clients) {
        this.config = config;
        this.sqsClients = sqsClients;
        this.s3Clients = s3Clients;
    }

    public static SqsNotificationSourceBuilder builder() {
        return new SqsNotificationSourceBuilder();
    }

    @Override
    public Boundedness getBoundedness() {
        return config.isBounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<CloudTrailRecord, SqsSplit> createReader(SourceReaderContext context) {
        return SqsSourceReader.create(config, sqsClients, s3Clients, context);
    }

    @Override
    public SplitEnumerator<SqsSplit, SqsEnumeratorState> createEnumerator(
            SplitEnumeratorContext<SqsSplit> context) {
        return restoreEnumerator(context, SqsEnumeratorState.empty());
    }

    @Override
    public SplitEnumerator<SqsSplit, SqsEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<SqsSplit> context, SqsEnumeratorState checkpoint) {
        return new SqsSplitEnumerator(context, config.queueUrl(), config.isBounded(), checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<SqsSplit> getSplitSerializer() {
        return SqsSplitSerializer.INSTANCE;
    }

    @Override
    public SimpleVersionedSerializer<SqsEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new SqsEnumeratorStateSerializer();
    }
}
