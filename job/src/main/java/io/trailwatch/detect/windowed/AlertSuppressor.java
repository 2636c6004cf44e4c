package io.trailwatch.detect.windowed;

import io.trailwatch.alert.Alert;
import java.time.Instant;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * {@code suppress}: after an alert of a group, no second alert of that group until its event time
 * is more than the span past the alert's last event. Suppression is in event time, so replaying old
 * logs gives the same alerts; the suppressed match has already consumed its events.
 */
final class AlertSuppressor extends KeyedProcessFunction<String, Alert, Alert> {

    private static final long serialVersionUID = 1L;

    static final ValueStateDescriptor<Long> LAST_ALERT =
            new ValueStateDescriptor<>("last-alert-event-time", Types.LONG);

    private final long suppressMillis;

    private transient ValueState<Long> lastAlert;
    private transient Counter suppressed;

    AlertSuppressor(long suppressMillis) {
        this.suppressMillis = suppressMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        lastAlert = getRuntimeContext().getState(LAST_ALERT);
        suppressed = getRuntimeContext().getMetricGroup().counter("suppressedAlerts");
    }

    @Override
    public void processElement(Alert alert, Context context, Collector<Alert> out)
            throws Exception {
        long alertTime = Instant.parse(alert.lastEventTime).toEpochMilli();
        Long previous = lastAlert.value();
        if (previous != null && alertTime <= previous + suppressMillis) {
            suppressed.inc();
            return;
        }
        if (previous != null) {
            context.timerService().deleteEventTimeTimer(expiry(previous));
        }
        lastAlert.update(alertTime);
        context.timerService().registerEventTimeTimer(expiry(alertTime));
        out.collect(alert);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Alert> out) {
        lastAlert.clear();
    }

    private long expiry(long alertTime) {
        return alertTime + suppressMillis + 1;
    }

    /** The key of an alert's group, equal to the key its events had. */
    static String groupOf(Alert alert) {
        return GroupKey.encode(alert.groupValues);
    }
}
