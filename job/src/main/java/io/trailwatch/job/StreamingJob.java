package io.trailwatch.job;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordJson;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.CloudTrailPipeline;
import io.trailwatch.pipeline.DetectionStreams;
import io.trailwatch.pipeline.PipelineSettings;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming job of {@code run} (DESIGN §1, §7): notifications source → {@link
 * CloudTrailPipeline} → alert sink, and the records that came too late for their windows to a sink
 * of their own. The source and the sinks are given, so {@code run} passes the SQS source and the
 * SNS sink while tests pass bounded and collecting ones (STYLE 1).
 */
public final class StreamingJob {

    private final PatternSet patterns;
    private final PipelineSettings settings;
    private final Source<CloudTrailRecord, ?, ?> source;
    private final Sink<Alert> alertSink;
    private final Sink<String> lateRecordSink;

    /**
     * @param source CloudTrail records, e.g. {@link
     *     io.trailwatch.connector.sqs.SqsNotificationSource}
     * @param alertSink every alert once, e.g. {@link io.trailwatch.connector.sns.SnsAlertSink}
     * @param lateRecordSink late records, one JSON object per element
     */
    public StreamingJob(
            PatternSet patterns,
            PipelineSettings settings,
            Source<CloudTrailRecord, ?, ?> source,
            Sink<Alert> alertSink,
            Sink<String> lateRecordSink) {
        this.patterns = patterns;
        this.settings = settings;
        this.source = source;
        this.alertSink = alertSink;
        this.lateRecordSink = lateRecordSink;
    }

    /** Adds the job to {@code env}; returns the detection streams for further outputs. */
    public DetectionStreams attach(StreamExecutionEnvironment env) {
        DataStream<CloudTrailRecord> records =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "cloudtrail-notifications")
                        .uid(JobNames.UID_SOURCE);
        DetectionStreams streams = new CloudTrailPipeline(patterns, settings).attach(records);
        streams.alerts().sinkTo(alertSink).uid(JobNames.UID_ALERT_SINK).name("alerts");
        streams.lateRecords()
                .map(RecordJson::toJson)
                .returns(TypeInformation.of(String.class))
                .name("late record as JSON")
                .sinkTo(lateRecordSink)
                .uid(JobNames.UID_LATE_RECORD_SINK)
                .name("late records");
        return streams;
    }
}
