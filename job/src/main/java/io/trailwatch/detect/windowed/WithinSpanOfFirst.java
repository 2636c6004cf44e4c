package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;

/**
 * True while the event lies within the sequence's span of its first event. Used instead of CEP's
 * whole-pattern {@code within} for sequences that end in an absent step: there the absent step's
 * own window (from the previous step's last event) must decide when the match is complete.
 */
final class WithinSpanOfFirst extends IterativeCondition<CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    private final String firstStage;
    private final long withinMillis;

    WithinSpanOfFirst(String firstStage, long withinMillis) {
        this.firstStage = firstStage;
        this.withinMillis = withinMillis;
    }

    @Override
    public boolean filter(CloudTrailRecord record, Context<CloudTrailRecord> context)
            throws Exception {
        for (CloudTrailRecord first : context.getEventsForPattern(firstStage)) {
            return record.eventTimeMillis() - first.eventTimeMillis() <= withinMillis;
        }
        return true;
    }
}
