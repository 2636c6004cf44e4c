package io.trailwatch.cloudtrail;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSourceSplit;
import org.apache.flink.connector.file.src.reader.BulkFormat;
import org.apache.flink.connector.file.src.util.RecordAndPosition;
import org.apache.flink.core.fs.Path;
import org.apache.flink.util.Collector;

/**
 * Reads each file of a batch with {@link CloudTrailLogFormat}: its records, skipped files and
 * counters ({@code recordsRead}, {@code recordsMalformed}, {@code filesFailed}, {@code
 * filesSkipped}), counted in this operator's metric group.
 */
final class ReadLogFileBatch
        extends RichFlatMapFunction<List<Tuple2<String, Long>>, CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    private final CloudTrailLogFormat format;
    private transient CloudTrailLogFormat counting;

    ReadLogFileBatch(CloudTrailLogFormat format) {
        this.format = format;
    }

    @Override
    public void open(OpenContext openContext) {
        counting = format.withMetricGroup(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void flatMap(List<Tuple2<String, Long>> files, Collector<CloudTrailRecord> out)
            throws Exception {
        Configuration config = new Configuration();
        for (Tuple2<String, Long> file : files) {
            FileSourceSplit split =
                    new FileSourceSplit(file.f0, new Path(file.f0), 0, file.f1, 0, file.f1);
            try (BulkFormat.Reader<CloudTrailRecord> reader =
                    counting.createReader(config, split)) {
                BulkFormat.RecordIterator<CloudTrailRecord> batch;
                while ((batch = reader.readBatch()) != null) {
                    RecordAndPosition<CloudTrailRecord> next;
                    while ((next = batch.next()) != null) {
                        out.collect(next.getRecord());
                    }
                    batch.releaseBatch();
                }
            }
        }
    }
}
