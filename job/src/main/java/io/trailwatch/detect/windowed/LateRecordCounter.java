package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/** Counts records that arrived behind the watermark in the metric {@value #METRIC}. */
final class LateRecordCounter extends RichMapFunction<CloudTrailRecord, CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    static final String METRIC = "lateRecords";

    private transient Counter late;

    @Override
    public void open(OpenContext openContext) {
        late = getRuntimeContext().getMetricGroup().counter(METRIC);
    }

    @Override
    public CloudTrailRecord map(CloudTrailRecord record) {
        late.inc();
        return record;
    }
}
