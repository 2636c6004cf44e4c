package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.Condition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A record that some step of a sequence matches, absent steps included. */
final class AnyStep implements Condition {

    private static final long serialVersionUID = 1L;

    private final Condition[] steps;

    AnyStep(List<Condition> steps) {
        this.steps = steps.toArray(new Condition[0]);
    }

    @Override
    public boolean matches(CloudTrailRecord record) {
        for (Condition step : steps) {
            if (step.matches(record)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Set<String> requiredValues(String path) {
        Set<String> allowed = new HashSet<>();
        for (Condition step : steps) {
            Set<String> values = step.requiredValues(path);
            if (values == null) {
                return null;
            }
            allowed.addAll(values);
        }
        return allowed;
    }
}
