package io.trailwatch.job;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordJson;
import io.trailwatch.output.OutputFiles;
import io.trailwatch.output.OutputSettings;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.CloudTrailPipeline;
import io.trailwatch.pipeline.DetectionStreams;
import io.trailwatch.pipeline.PipelineSettings;
import java.util.Optional;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The streaming job of {@code run} (DESIGN §1, §7): notifications source → {@link
 * CloudTrailPipeline} → alert sink, plus the file outputs (aggregates, alert archive, late records;
 * {@link OutputFiles}). Without file outputs, late records go to the log, never dropped silently.
 * The source and the alert sink are given, so {@code run} passes the SQS source and the SNS sink
 * while tests pass bounded and collecting ones (STYLE 1).
 */
public final class StreamingJob {

    private final PatternSet patterns;
    private final PipelineSettings settings;
    private final Source<CloudTrailRecord, ?, ?> source;
    private final Sink<Alert> alertSink;
    private final Optional<OutputSettings> outputs;

    /**
     * @param source CloudTrail records, e.g. {@link
     *     io.trailwatch.connector.sqs.SqsNotificationSource}
     * @param alertSink every alert once, e.g. {@link io.trailwatch.connector.sns.SnsAlertSink}
     * @param outputs where the file outputs go, if anywhere
     */
    public StreamingJob(
            PatternSet patterns,
            PipelineSettings settings,
            Source<CloudTrailRecord, ?, ?> source,
            Sink<Alert> alertSink,
            Optional<OutputSettings> outputs) {
        this.patterns = patterns;
        this.settings = settings;
        this.source = source;
        this.alertSink = alertSink;
        this.outputs = outputs;
    }

    /** Adds the job to {@code env}; returns the detection streams. */
    public DetectionStreams attach(StreamExecutionEnvironment env) {
        DataStream<CloudTrailRecord> records =
                env.fromSource(source, WatermarkStrategy.noWatermarks(), "cloudtrail-notifications")
                        .uid(JobNames.UID_SOURCE);
        DetectionStreams streams = new CloudTrailPipeline(patterns, settings).attach(records);
        streams.alerts().sinkTo(alertSink).uid(JobNames.UID_ALERT_SINK).name("alerts");
        if (outputs.isPresent()) {
            OutputFiles.attach(streams, outputs.get());
        } else {
            streams.lateRecords()
                    .map(RecordJson::toJson)
                    .returns(TypeInformation.of(String.class))
                    .name("late record as JSON")
                    .sinkTo(new LateRecordLog())
                    .uid(JobNames.UID_LATE_RECORD_LOG)
                    .name("late records to the log");
        }
        return streams;
    }
}
