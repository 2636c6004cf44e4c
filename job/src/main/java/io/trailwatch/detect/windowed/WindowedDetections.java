package io.trailwatch.detect.windowed;

import io.trailwatch.alert.Alert;
import io.trailwatch.alert.AlertFactory;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.Condition;
import io.trailwatch.pattern.PatternDefinition;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.PatternStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;

/**
 * Threshold and sequence patterns on event time (DESIGN §1, §5). Per pattern, one operator chain:
 *
 * <pre>
 * threshold: filter-&lt;id&gt; ─keyBy group─► threshold-&lt;id&gt; ─keyBy group─► suppress-&lt;id&gt;
 * sequence:  filter-&lt;id&gt; ─keyBy group─► dedupe-&lt;id&gt; ─keyBy group─► cep-&lt;id&gt; ─keyBy group─► suppress-&lt;id&gt;
 *                                      └─► late records (side output of threshold/cep)
 * </pre>
 *
 * <p>A pattern without {@code suppress} has a stateless {@code alerts-<id>} in place of {@code
 * suppress-<id>}. Records that match none of a pattern's filters are dropped in the chained filter,
 * before any shuffle. Every stateful operator's {@code uid} derives from {@link
 * WindowedPattern#stateId()}: the pattern id and a hash of its detection logic, so a savepoint
 * taken before a pattern-set change restores the patterns that did not change and a changed pattern
 * starts with fresh state. Names keep the bare id, so metrics and the web UI do not move when a
 * pattern changes. The {@code keyBy}s after the first only move already-matched events and keep
 * every operator an ordinary keyed operator, which batch execution sorts by key.
 *
 * <p>Alerts depend only on the records, not on the order they arrive in (DESIGN §5, §7): every
 * stateful step takes one group's records or alerts in event order (event time, then {@link
 * InputOrder}) once the watermark has passed them, never in arrival order. Copies of an event are
 * dropped in that order too ({@link ThresholdFunction} for thresholds, {@link DuplicateEventFilter}
 * before CEP), and {@link AlertSuppressor} keeps the first alert in the order of closing events.
 */
public final class WindowedDetections {

    private final DataStream<Alert> alerts;
    private final DataStream<CloudTrailRecord> lateRecords;

    private WindowedDetections(DataStream<Alert> alerts, DataStream<CloudTrailRecord> lateRecords) {
        this.alerts = alerts;
        this.lateRecords = lateRecords;
    }

    /** Attaches one operator chain per threshold/sequence pattern to the timestamped records. */
    public static WindowedDetections attach(
            DataStream<CloudTrailRecord> timestampedRecords,
            List<PatternDefinition> windowedPatterns,
            AlertFactory alerts) {
        return attach(timestampedRecords, windowedPatterns, alerts, FilterPatterns.INSTANCE);
    }

    /**
     * As {@link #attach(DataStream, List, AlertFactory)}, with filters compiled by {@code
     * compiler}.
     */
    public static WindowedDetections attach(
            DataStream<CloudTrailRecord> timestampedRecords,
            List<PatternDefinition> windowedPatterns,
            AlertFactory alerts,
            ConditionCompiler compiler) {
        if (windowedPatterns.isEmpty()) {
            throw new IllegalArgumentException("no windowed patterns to attach");
        }
        List<DataStream<Alert>> alertStreams = new ArrayList<>();
        List<DataStream<CloudTrailRecord>> lateStreams = new ArrayList<>();
        for (PatternDefinition definition : windowedPatterns) {
            WindowedPattern pattern = WindowedPattern.compile(definition, compiler);
            OutputTag<CloudTrailRecord> lateTag = lateTag(definition.id());
            SingleOutputStreamOperator<MatchedAlert> matched =
                    attachOne(timestampedRecords, pattern, lateTag, alerts);
            lateStreams.add(matched.getSideOutput(lateTag));
            alertStreams.add(alertsOf(matched, pattern));
        }
        DataStream<Alert> allAlerts = union(alertStreams);
        DataStream<CloudTrailRecord> allLate =
                union(lateStreams)
                        .map(new LateRecordCounter())
                        .name("count-late-records")
                        .uid("count-late-records");
        return new WindowedDetections(allAlerts, allLate);
    }

    private static SingleOutputStreamOperator<MatchedAlert> attachOne(
            DataStream<CloudTrailRecord> records,
            WindowedPattern pattern,
            OutputTag<CloudTrailRecord> lateTag,
            AlertFactory alerts) {
        String id = pattern.definition().id();
        String stateId = pattern.stateId();
        Condition input = pattern.input();
        GroupKey groupKey = pattern.groupKey();
        KeyedStream<CloudTrailRecord, Tuple2<Long, Long>> grouped =
                records.filter(new PatternInputFilter(input))
                        .name("filter-" + id)
                        .uid("filter-" + stateId)
                        .keyBy(groupKey, GroupKey.TYPE);
        if (pattern.isThreshold()) {
            return grouped.process(
                            new ThresholdFunction(pattern, alerts, lateTag),
                            TypeInformation.of(MatchedAlert.class))
                    .name("threshold-" + id)
                    .uid("threshold-" + stateId);
        }
        DataStream<CloudTrailRecord> unique =
                grouped.process(new DuplicateEventFilter(pattern.within().toMillis()))
                        .returns(records.getType())
                        .name("dedupe-" + id)
                        .uid("dedupe-" + stateId);
        PatternStream<CloudTrailRecord> cep =
                CEP.pattern(
                                unique.keyBy(groupKey, GroupKey.TYPE),
                                pattern.cepPattern(),
                                new InputOrder())
                        .inEventTime()
                        .sideOutputLateData(lateTag);
        return cep.process(
                        new MatchToAlert(pattern, alerts), TypeInformation.of(MatchedAlert.class))
                .name("cep-" + id)
                .uid("cep-" + stateId);
    }

    private static DataStream<Alert> alertsOf(
            SingleOutputStreamOperator<MatchedAlert> matched, WindowedPattern pattern) {
        PatternDefinition definition = pattern.definition();
        if (definition.suppress() == null) {
            return matched.map(alert -> alert.alert)
                    .returns(Alert.class)
                    .name("alerts-" + definition.id())
                    .uid("alerts-" + pattern.stateId());
        }
        return matched.keyBy(MatchedAlert::groupOf)
                .process(
                        new AlertSuppressor(
                                definition.suppress().toMillis(),
                                pattern.decisionDelay().toMillis()))
                .returns(Alert.class)
                .name("suppress-" + definition.id())
                .uid("suppress-" + pattern.stateId());
    }

    /** The side output for records behind the watermark at one pattern's matching operator. */
    static OutputTag<CloudTrailRecord> lateTag(String patternId) {
        return new OutputTag<>("late-" + patternId, TypeInformation.of(CloudTrailRecord.class));
    }

    private static <T> DataStream<T> union(List<DataStream<T>> streams) {
        DataStream<T> first = streams.get(0);
        if (streams.size() == 1) {
            return first;
        }
        return first.union(streams.subList(1, streams.size()).toArray(new DataStream[0]));
    }

    /** The union of all windowed alerts. */
    public DataStream<Alert> alerts() {
        return alerts;
    }

    /** Records that arrived behind the watermark, for an output of their own. */
    public DataStream<CloudTrailRecord> lateRecords() {
        return lateRecords;
    }
}
