package io.trailwatch.cloudtrail;

import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.PendingSplitsCheckpoint;
import org.apache.flink.connector.file.src.enumerate.NonSplittingRecursiveEnumerator;
import org.apache.flink.connector.file.src.impl.FileSourceReader;
import org.apache.flink.core.fs.Path;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A bounded {@link FileSource} of CloudTrail records from local (or any Flink file system) files
 * and directories, read recursively with {@link CloudTrailLogFormat} (inside directories, only
 * files named like logs: see {@link CloudTrailFileFilter}). It differs from {@code
 * FileSource.forBulkFileFormat(new CloudTrailLogFormat(), paths)} in two ways: each reader's format
 * counts into the source reader's metric group ({@code recordsRead}, {@code recordsMalformed},
 * {@code filesFailed}, {@code filesSkipped}), and its readers close without waiting long for a
 * stuck fetcher ({@link LocalFileReaderContext}).
 */
public final class CloudTrailFileSource
        implements Source<
                        CloudTrailRecord,
                        FileSourceSplit,
                        PendingSplitsCheckpoint<FileSourceSplit>>,
                ResultTypeQueryable<CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    private final CloudTrailLogFormat format;
    private final FileSource<CloudTrailRecord> files;

    private CloudTrailFileSource(CloudTrailLogFormat format, Path... paths) {
        this.format = format;
        CloudTrailFileFilter filter = new CloudTrailFileFilter(Set.of(paths));
        this.files =
                FileSource.forBulkFileFormat(format, paths)
                        .setFileEnumerator(() -> new NonSplittingRecursiveEnumerator(filter))
                        .build();
    }

    /** Reads every file under {@code paths} once. */
    public static CloudTrailFileSource of(ReadLimits limits, Path... paths) {
        return new CloudTrailFileSource(new CloudTrailLogFormat(limits), paths);
    }

    public static CloudTrailFileSource of(Path... paths) {
        return of(ReadLimits.DEFAULTS, paths);
    }

    @Override
    public Boundedness getBoundedness() {
        return files.getBoundedness();
    }

    @Override
    public SourceReader<CloudTrailRecord, FileSourceSplit> createReader(
            SourceReaderContext readerContext) {
        LocalFileReaderContext context = new LocalFileReaderContext(readerContext);
        return new FileSourceReader<>(
                context,
                format.withMetricGroup(readerContext.metricGroup()),
                context.getConfiguration());
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            createEnumerator(SplitEnumeratorContext<FileSourceSplit> enumContext) {
        return files.createEnumerator(enumContext);
    }

    @Override
    public SplitEnumerator<FileSourceSplit, PendingSplitsCheckpoint<FileSourceSplit>>
            restoreEnumerator(
                    SplitEnumeratorContext<FileSourceSplit> enumContext,
                    PendingSplitsCheckpoint<FileSourceSplit> checkpoint) {
        return files.restoreEnumerator(enumContext, checkpoint);
    }

    @Override
    public SimpleVersionedSerializer<FileSourceSplit> getSplitSerializer() {
        return files.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<PendingSplitsCheckpoint<FileSourceSplit>>
            getEnumeratorCheckpointSerializer() {
        return files.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<CloudTrailRecord> getProducedType() {
        return format.getProducedType();
    }
}
