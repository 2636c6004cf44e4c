package io.trailwatch.job;

/**
 * Stable operator uids of the streaming job's sources and sinks, in one place: savepoints map state
 * to operators by them. The pipeline's own are in {@link io.trailwatch.pipeline.StateNames}.
 */
public final class JobNames {

    public static final String JOB_NAME = "trailwatch";
    public static final String UID_SOURCE = "sqs-notifications";
    public static final String UID_ALERT_SINK = "alert-sink";
    public static final String UID_LATE_RECORD_LOG = "late-record-log";

    private JobNames() {}
}
