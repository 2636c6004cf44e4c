package io.trailwatch.time;

import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Test-only: runs a strategy's periodic emission after every event, so a bounded source in a test
 * moves the watermark at exactly the same records every run instead of every 200 ms.
 */
public final class EmitAfterEachEvent {

    private EmitAfterEachEvent() {}

    public static <T> WatermarkStrategy<T> wrap(WatermarkStrategy<T> strategy) {
        WatermarkStrategy<T> eachEvent =
                context -> {
                    WatermarkGenerator<T> delegate = strategy.createWatermarkGenerator(context);
                    return new WatermarkGenerator<T>() {
                        @Override
                        public void onEvent(T event, long timestamp, WatermarkOutput output) {
                            delegate.onEvent(event, timestamp, output);
                            delegate.onPeriodicEmit(output);
                        }

                        @Override
                        public void onPeriodicEmit(WatermarkOutput output) {}
                    };
                };
        return eachEvent.withTimestampAssigner(strategy::createTimestampAssigner);
    }
}
