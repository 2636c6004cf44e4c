package io.trailwatch.pipeline;

/** Names of the pipeline's state and operators, in one place: savepoints depend on them. */
public final class StateNames {

    public static final String ALERT_SEEN = "alert-seen";

    public static final String UID_WATERMARKS = "watermarks";
    public static final String UID_SINGLE_EVENT = "single-event-patterns";
    public static final String UID_ALERT_DEDUP = "alert-dedup";

    private StateNames() {}
}
