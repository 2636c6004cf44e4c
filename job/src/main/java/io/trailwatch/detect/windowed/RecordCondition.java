package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.Condition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;

/** A filter-pattern {@link Condition} as a CEP condition. */
final class RecordCondition extends SimpleCondition<CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    private final Condition condition;

    RecordCondition(Condition condition) {
        this.condition = condition;
    }

    @Override
    public boolean filter(CloudTrailRecord record) {
        return condition.matches(record);
    }
}
