package io.trailwatch.detect.windowed;

import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.pattern.PatternDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.cep.functions.PatternProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns one CEP match into one alert: the events of its stages in order, grouped as keyed. CEP
 * takes events in event order, so the last event of the last stage is the match's closing event.
 */
final class MatchToAlert extends PatternProcessFunction<CloudTrailRecord, MatchedAlert> {

    private static final long serialVersionUID = 1L;

    private final PatternDefinition pattern;
    private final GroupKey groupKey;
    private final List<String> stages;
    private final AlertFactory alerts;

    MatchToAlert(WindowedPattern compiled, AlertFactory alerts) {
        this.pattern = compiled.definition();
        this.groupKey = compiled.groupKey();
        this.stages = compiled.stages();
        this.alerts = alerts;
    }

    @Override
    public void processMatch(
            Map<String, List<CloudTrailRecord>> match,
            Context context,
            Collector<MatchedAlert> out) {
        List<CloudTrailRecord> events = new ArrayList<>();
        for (String stage : stages) {
            List<CloudTrailRecord> stageEvents = match.get(stage);
            if (stageEvents != null) {
                events.addAll(stageEvents);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        CloudTrailRecord closing = events.get(events.size() - 1);
        out.collect(
                MatchedAlert.of(
                        alerts.create(
                                pattern,
                                groupKey.selectors(),
                                groupKey.values(events.get(0)),
                                events),
                        closing));
    }
}
