package io.trailwatch.job;

import io.trailwatch.config.JobConfig;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pipeline.DetectionStreams;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * {@code run}'s job from its validated configuration: the SQS source, the SNS sink and the file
 * outputs, on an environment with exactly-once checkpoints.
 */
public final class ProductionJob {

    private ProductionJob() {}

    /** Sets checkpointing and parallelism on {@code env} and adds the whole job to it. */
    public static DetectionStreams attach(
            StreamExecutionEnvironment env, JobConfig config, PatternSet patterns) {
        configure(env, config);
        StreamingJob job =
                new StreamingJob(
                        patterns,
                        config.pipelineSettings(),
                        config.source(),
                        config.alertSink(),
                        config.outputSettings());
        return job.attach(env);
    }

    static void configure(StreamExecutionEnvironment env, JobConfig config) {
        env.enableCheckpointing(
                config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        config.parallelism().ifPresent(env::setParallelism);
    }
}
