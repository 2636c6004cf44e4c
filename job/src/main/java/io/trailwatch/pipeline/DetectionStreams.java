package io.trailwatch.pipeline;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the detection part of the pipeline produces.
 *
 * @param alerts every alert once, single-event and windowed
 * @param lateRecords records that arrived behind the watermark, for an output of their own
 * @param records the timestamped record stream, for aggregates
 */
public record DetectionStreams(
        DataStream<Alert> alerts,
        DataStream<CloudTrailRecord> lateRecords,
        DataStream<CloudTrailRecord> records) {}
