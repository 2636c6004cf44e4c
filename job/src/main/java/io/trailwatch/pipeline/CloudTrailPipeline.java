package io.trailwatch.pipeline;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.detect.windowed.WindowedDetections;
import io.trailwatch.pattern.PatternKind;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.time.CloudTrailWatermarks;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The one job graph of TrailWatch, downstream of the source: timestamps and watermarks, then
 * single-event patterns (at once, before any shuffle), threshold and sequence patterns (Flink CEP
 * on event time), and de-duplicated alerts. Sources and sinks are the caller's, so {@code detect},
 * {@code run}, {@code patterns test} and the integration tests all run these same operators.
 */
public final class CloudTrailPipeline {

    private final PatternSet patterns;
    private final PipelineSettings settings;
    private final AlertFactory alertFactory;

    public CloudTrailPipeline(PatternSet patterns, PipelineSettings settings) {
        this(patterns, settings, new AlertFactory());
    }

    public CloudTrailPipeline(
            PatternSet patterns, PipelineSettings settings, AlertFactory alertFactory) {
        this.patterns = patterns;
        this.settings = settings;
        this.alertFactory = alertFactory;
    }

    public DetectionStreams attach(DataStream<CloudTrailRecord> records) {
        DataStream<CloudTrailRecord> timestamped =
                records.assignTimestampsAndWatermarks(
                                CloudTrailWatermarks.forDeliveryStreams(
                                        settings.maxOutOfOrderness(), settings.idleTimeout()))
                        .uid(StateNames.UID_WATERMARKS)
                        .name("event-time watermarks");

        List<DataStream<Alert>> alertStreams = new ArrayList<>();
        if (!patterns.ofKind(PatternKind.FILTER).isEmpty()) {
            alertStreams.add(
                    timestamped
                            .flatMap(
                                    new SingleEventDetector(
                                            patterns.ofKind(PatternKind.FILTER), alertFactory))
                            .uid(StateNames.UID_SINGLE_EVENT)
                            .name("single-event patterns"));
        }

        List<io.trailwatch.pattern.PatternDefinition> windowed = new ArrayList<>();
        windowed.addAll(patterns.ofKind(PatternKind.THRESHOLD));
        windowed.addAll(patterns.ofKind(PatternKind.SEQUENCE));
        DataStream<CloudTrailRecord> late;
        if (windowed.isEmpty()) {
            late = timestamped.filter(record -> false).name("no late records");
        } else {
            WindowedDetections detections =
                    WindowedDetections.attach(timestamped, windowed, alertFactory);
            alertStreams.add(detections.alerts());
            late = detections.lateRecords();
        }

        DataStream<Alert> alerts;
        if (alertStreams.isEmpty()) {
            alerts =
                    timestamped
                            .flatMap(
                                    (CloudTrailRecord record,
                                            org.apache.flink.util.Collector<Alert> out) -> {})
                            .returns(TypeInformation.of(Alert.class))
                            .name("no patterns");
        } else {
            alerts = alertStreams.get(0);
            for (int i = 1; i < alertStreams.size(); i++) {
                alerts = alerts.union(alertStreams.get(i));
            }
        }
        DataStream<Alert> unique =
                alerts.keyBy(alert -> alert.alertId, TypeInformation.of(String.class))
                        .process(new AlertDeduplicator(settings.alertDedupTtl()))
                        .uid(StateNames.UID_ALERT_DEDUP)
                        .name("alert de-duplication");
        return new DetectionStreams(unique, late, timestamped);
    }
}
