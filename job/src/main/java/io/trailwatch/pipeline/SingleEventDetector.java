package io.trailwatch.pipeline;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.Condition;
import io.trailwatch.filter.ConditionIndex;
import io.trailwatch.filter.FilterPattern;
import io.trailwatch.pattern.PatternDefinition;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;

/**
 * Evaluates the single-event ({@code filter}) patterns on each record and alerts at once: no state,
 * no shuffle, no waiting for watermarks. Only the patterns that can match the record's event name
 * are evaluated ({@link ConditionIndex}), in pack order.
 */
public final class SingleEventDetector implements FlatMapFunction<CloudTrailRecord, Alert> {

    private static final long serialVersionUID = 1L;

    private final PatternDefinition[] patterns;
    private final Condition[] conditions;
    private final ConditionIndex byEventName;
    private final AlertFactory alerts;

    public SingleEventDetector(List<PatternDefinition> filterPatterns, AlertFactory alerts) {
        this.patterns = filterPatterns.toArray(new PatternDefinition[0]);
        this.conditions = new Condition[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            conditions[i] = FilterPattern.compileValidated(patterns[i].filter());
        }
        this.byEventName = ConditionIndex.on("eventName", Arrays.asList(conditions));
        this.alerts = alerts;
    }

    @Override
    public void flatMap(CloudTrailRecord record, Collector<Alert> out) {
        if (!record.hasValidEventTime()) {
            return; // malformed: counted by the reader, never matched
        }
        for (int i : byEventName.candidates(record)) {
            if (conditions[i].matches(record)) {
                out.collect(alerts.single(patterns[i], record));
            }
        }
    }
}
