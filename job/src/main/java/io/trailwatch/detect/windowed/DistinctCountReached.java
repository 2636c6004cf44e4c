package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;

/**
 * True for the event that brings the number of distinct values of one field, over the events the
 * partial match has counted so far plus this one, to the threshold. CEP alone counts events, not
 * values; this condition closes a {@code distinct} threshold.
 */
final class DistinctCountReached extends IterativeCondition<CloudTrailRecord> {

    private static final long serialVersionUID = 1L;

    private final String countedStage;
    private final String path;
    private final int count;

    /**
     * @param countedStage the CEP stage whose events were counted before this one
     * @param path the record path of the field whose distinct values count
     */
    DistinctCountReached(String countedStage, String path, int count) {
        this.countedStage = countedStage;
        this.path = path;
        this.count = count;
    }

    @Override
    public boolean filter(CloudTrailRecord record, Context<CloudTrailRecord> context)
            throws Exception {
        Set<String> values = new HashSet<>();
        values.add(record.get(path));
        for (CloudTrailRecord counted : context.getEventsForPattern(countedStage)) {
            values.add(counted.get(path));
            if (values.size() >= count) {
                return true;
            }
        }
        return values.size() >= count;
    }
}
