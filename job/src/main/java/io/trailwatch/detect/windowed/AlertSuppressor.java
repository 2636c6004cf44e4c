package io.trailwatch.detect.windowed;

import io.trailwatch.alert.Alert;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * {@code suppress}: after an alert of a group, no second alert of that group until its event time
 * is more than the span past the alert's last event. Suppression is in event time, so replaying old
 * logs gives the same alerts; the suppressed match has already consumed its events.
 *
 * <p>Which of two close alerts is kept must not depend on the order they arrive in (a shuffle, or
 * the batch sort, which does not keep the order of equal timestamps). So alerts wait until the
 * watermark passes the time their match was certain (the closing event's time, plus the decision
 * delay of a sequence that ends with an absent step), and are then taken in the order of their
 * closing events ({@link MatchedAlert#IN_EVENT_ORDER}). A match is emitted before the watermark
 * that makes it certain, so no alert arrives after its turn: the order taken is the same in every
 * run. The matching operator emits its alerts just before that watermark, so waiting adds no
 * latency.
 */
final class AlertSuppressor extends KeyedProcessFunction<String, MatchedAlert, Alert> {

    private static final long serialVersionUID = 1L;

    static final MapStateDescriptor<Long, List<MatchedAlert>> PENDING =
            new MapStateDescriptor<>(
                    "pending-alerts-by-decision-time",
                    Types.LONG,
                    Types.LIST(Types.POJO(MatchedAlert.class)));
    static final ValueStateDescriptor<Long> LAST_ALERT =
            new ValueStateDescriptor<>("last-alert-event-time", Types.LONG);

    private final long suppressMillis;
    private final long decisionDelayMillis;

    private transient MapState<Long, List<MatchedAlert>> pending;
    private transient ValueState<Long> lastAlert;
    private transient Counter suppressed;

    /**
     * @param decisionDelayMillis how long after its closing event a match is certain at the latest
     *     ({@link WindowedPattern#decisionDelay()})
     */
    AlertSuppressor(long suppressMillis, long decisionDelayMillis) {
        this.suppressMillis = suppressMillis;
        this.decisionDelayMillis = decisionDelayMillis;
    }

    @Override
    public void open(OpenContext openContext) {
        pending = getRuntimeContext().getMapState(PENDING);
        lastAlert = getRuntimeContext().getState(LAST_ALERT);
        suppressed = getRuntimeContext().getMetricGroup().counter("suppressedAlerts");
    }

    @Override
    public void processElement(MatchedAlert alert, Context context, Collector<Alert> out)
            throws Exception {
        long decided = alert.closingTime + decisionDelayMillis;
        if (decided <= context.timerService().currentWatermark()) {
            // Not expected (see above); deciding at once keeps it from waiting for a watermark.
            keepUnlessSuppressed(alert, context.timerService(), out);
            return;
        }
        List<MatchedAlert> atTime = pending.get(decided);
        if (atTime == null) {
            atTime = new ArrayList<>();
            context.timerService().registerEventTimeTimer(decided);
        }
        atTime.add(alert);
        pending.put(decided, atTime);
    }

    /**
     * Fires for a time that alerts wait at, and when the last alert kept can suppress no alert
     * still to come; both can share a timer.
     */
    @Override
    public void onTimer(long time, OnTimerContext context, Collector<Alert> out) throws Exception {
        List<MatchedAlert> due = pending.get(time);
        if (due != null) {
            pending.remove(time);
            due.sort(MatchedAlert.IN_EVENT_ORDER);
            for (MatchedAlert alert : due) {
                keepUnlessSuppressed(alert, context.timerService(), out);
            }
        }
        Long last = lastAlert.value();
        if (last != null && time >= forgetTime(last)) {
            lastAlert.clear();
        }
    }

    private void keepUnlessSuppressed(MatchedAlert alert, TimerService timers, Collector<Alert> out)
            throws Exception {
        Long previous = lastAlert.value();
        if (previous != null && alert.closingTime <= previous + suppressMillis) {
            suppressed.inc();
            return;
        }
        lastAlert.update(alert.closingTime);
        EventTimeTimers.registerUnlessFinal(timers, forgetTime(alert.closingTime));
        out.collect(alert.alert);
    }

    /**
     * Alerts still to come are decided after the watermark, so their closing events are more than
     * the decision delay after it: from this time on, none is within the span of {@code last}.
     */
    private long forgetTime(long last) {
        return last + suppressMillis + decisionDelayMillis + 1;
    }
}
