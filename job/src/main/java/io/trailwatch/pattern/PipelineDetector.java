package io.trailwatch.pattern;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pipeline.CloudTrailPipeline;
import io.trailwatch.pipeline.PipelineSettings;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * Runs pattern tests through the real {@link CloudTrailPipeline}, as one bounded job in batch
 * execution mode on a local environment: the same operators as {@code detect} and {@code run}, and
 * as in {@code detect}, no record of a bounded run is late.
 */
public final class PipelineDetector implements PatternTestRunner.Detector {

    private final int parallelism;

    /**
     * @param parallelism of the local job; results do not depend on it
     */
    public PipelineDetector(int parallelism) {
        this.parallelism = parallelism;
    }

    @Override
    public List<Alert> detect(PatternSet patterns, List<CloudTrailRecord> records)
            throws Exception {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.createLocalEnvironment(parallelism);
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        DataStream<CloudTrailRecord> input =
                env.fromData(records, TypeInformation.of(CloudTrailRecord.class))
                        .name("pattern test records");
        DataStream<Alert> alerts =
                new CloudTrailPipeline(patterns, PipelineSettings.defaults())
                        .attach(input)
                        .alerts();
        List<Alert> collected = new ArrayList<>();
        try (CloseableIterator<Alert> results =
                alerts.executeAndCollect("trailwatch patterns test")) {
            results.forEachRemaining(collected::add);
        }
        return collected;
    }
}
