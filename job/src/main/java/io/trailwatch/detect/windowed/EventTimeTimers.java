package io.trailwatch.detect.windowed;

import org.apache.flink.streaming.api.TimerService;

/** Event-time timers registered while timers fire. */
final class EventTimeTimers {

    private EventTimeTimers() {}

    /**
     * Registers a timer unless the watermark is final: then no record can come, and batch
     * execution, which fires a key's timers with the final watermark, takes no new timers.
     */
    static void registerUnlessFinal(TimerService timers, long time) {
        if (timers.currentWatermark() < Long.MAX_VALUE) {
            timers.registerEventTimeTimer(time);
        }
    }
}
