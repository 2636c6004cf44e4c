package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.Condition;
import io.trailwatch.pattern.PatternDefinition;
import io.trailwatch.pattern.PatternKind;
import io.trailwatch.pattern.SequenceSpec;
import io.trailwatch.pattern.SequenceStep;
import io.trailwatch.pattern.ThresholdSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.flink.cep.nfa.aftermatch.AfterMatchSkipStrategy;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.WithinType;

/**
 * A threshold or sequence pattern compiled for its operator, with what the operators around it
 * need: which records it looks at, how it groups them, and how long an event can still matter.
 *
 * <p>Thresholds run in {@link ThresholdFunction}, one window of events per group, linear in the
 * events. As a CEP pattern every event would start a partial match that every later event advances
 * (and, counting distinct values, re-reads): cost grows with events times {@code count}.
 *
 * <p>Sequences compile to Flink CEP (DESIGN §5):
 *
 * <ul>
 *   <li>Every pattern skips past the last event of a match, so the events of an alert are consumed
 *       and partial matches that overlap it are dropped.
 *   <li>CEP's {@code within} is exclusive (a partial match times out once {@code now - start >=
 *       within}); a span of exactly {@code within} must be inside, so CEP gets {@code within + 1
 *       ms}. Event times have millisecond resolution.
 *   <li>Steps are joined with {@code followedBy} (other events may come between), {@code count: N}
 *       as {@code times(N)}; an absent step is {@code notFollowedBy}. At the end of a sequence the
 *       absent step's window starts at the previous step's last event ({@link
 *       WithinType#PREVIOUS_AND_CURRENT} on that step); the positive steps are then held to the
 *       span by {@link WithinSpanOfFirst}. An absent step between two positive steps means no such
 *       event between them.
 * </ul>
 */
public final class WindowedPattern {

    private final PatternDefinition definition;
    private final Condition input;
    private final GroupKey groupKey;
    private final Duration within;
    private final Pattern<CloudTrailRecord, ?> cepPattern;
    private final List<String> stages;
    private final String distinctPath;

    private WindowedPattern(
            PatternDefinition definition,
            Condition input,
            GroupKey groupKey,
            Duration within,
            Pattern<CloudTrailRecord, ?> cepPattern,
            List<String> stages,
            String distinctPath) {
        this.definition = definition;
        this.input = input;
        this.groupKey = groupKey;
        this.within = within;
        this.cepPattern = cepPattern;
        this.stages = List.copyOf(stages);
        this.distinctPath = distinctPath;
    }

    /** Compiles a threshold or sequence pattern; its filters are compiled with {@code compiler}. */
    public static WindowedPattern compile(PatternDefinition pattern, ConditionCompiler compiler) {
        if (pattern.kind() == PatternKind.THRESHOLD) {
            return threshold(pattern, compiler);
        }
        if (pattern.kind() == PatternKind.SEQUENCE) {
            return sequence(pattern, compiler);
        }
        throw new IllegalArgumentException(
                "pattern " + pattern.id() + " is a single-event filter, not a windowed pattern");
    }

    private static WindowedPattern threshold(
            PatternDefinition pattern, ConditionCompiler compiler) {
        ThresholdSpec spec = pattern.threshold();
        Condition filter = compiler.compile(spec.filter());
        GroupKey groupKey = new GroupKey(spec.groupBy());
        if (spec.distinct() == null) {
            return new WindowedPattern(
                    pattern, filter, groupKey, spec.within(), null, List.of(), null);
        }
        // Events without the distinct field are not counted, so they never reach the operator.
        String distinctPath = GroupKey.recordPath(spec.distinct());
        Condition counted = new WithDistinctValue(filter, distinctPath);
        return new WindowedPattern(
                pattern, counted, groupKey, spec.within(), null, List.of(), distinctPath);
    }

    private static WindowedPattern sequence(PatternDefinition pattern, ConditionCompiler compiler) {
        SequenceSpec spec = pattern.sequence();
        List<SequenceStep> steps = spec.steps();
        if (steps.isEmpty() || steps.get(0).absent()) {
            throw new IllegalArgumentException(
                    "pattern "
                            + pattern.id()
                            + ": a sequence must start with a step that is not absent");
        }
        boolean endsAbsent = steps.get(steps.size() - 1).absent();
        long withinMillis = spec.within().toMillis();
        List<Condition> conditions = new ArrayList<>();
        List<String> stages = new ArrayList<>();
        Pattern<CloudTrailRecord, CloudTrailRecord> cep = null;
        for (int i = 0; i < steps.size(); i++) {
            SequenceStep step = steps.get(i);
            Condition condition = compiler.compile(step.filter());
            conditions.add(condition);
            String stage = stageName(i);
            stages.add(stage);
            if (step.absent()) {
                cep = cep.notFollowedBy(stage).where(new RecordCondition(condition));
                continue;
            }
            cep =
                    i == 0
                            ? Pattern.<CloudTrailRecord>begin(stage, skipPastLastEvent())
                            : cep.followedBy(stage);
            cep = cep.where(new RecordCondition(condition));
            if (endsAbsent) {
                cep = cep.where(new WithinSpanOfFirst(stageName(0), withinMillis));
            }
            if (step.count() > 1) {
                cep = cep.times(step.count());
            }
        }
        if (endsAbsent) {
            // Positive steps span at most `within`, the absent step at most `within` after them:
            // the whole-pattern window only bounds how long a partial match is kept.
            cep =
                    cep.within(inclusive(spec.within()), WithinType.PREVIOUS_AND_CURRENT)
                            .within(inclusive(spec.within().multipliedBy(2)));
        } else {
            cep = cep.within(inclusive(spec.within()));
        }
        Condition anyStep = new AnyStep(conditions);
        return new WindowedPattern(
                pattern, anyStep, new GroupKey(spec.groupBy()), spec.within(), cep, stages, null);
    }

    private static String stageName(int stepIndex) {
        return "step-" + stepIndex;
    }

    private static AfterMatchSkipStrategy skipPastLastEvent() {
        return AfterMatchSkipStrategy.skipPastLastEvent();
    }

    /**
     * Part of every {@link #stateId()}: how {@link GroupKey} turns a group into a key. Since the
     * group became a digest, state written under the old string keys is left behind on restore
     * (allowNonRestoredState), not misread.
     */
    static final String KEY_FORM = "|key=sha256-128";

    /** CEP's window excludes its end; ours includes it. */
    static Duration inclusive(Duration within) {
        return within.plusMillis(1);
    }

    /**
     * The stem of this pattern's operator uids: {@code <id>-<8 hex digits>}, the digits a hash of
     * everything that shapes its state (kind, filters, counts, spans, groups, distinct field,
     * suppression). A savepoint restores an unchanged pattern's windows; a changed one gets new
     * uids and starts empty, because state built by the old definition (partial CEP matches of
     * another count or filter) would give alerts the new one does not define. Title, severity,
     * description and tests are not part of it: editing them keeps the state. So is the form of the
     * state's key ({@link #KEY_FORM}): state under keys of another form cannot be read.
     */
    public String stateId() {
        String detection =
                definition.kind()
                        + "|"
                        + (definition.kind() == PatternKind.THRESHOLD
                                ? definition.threshold()
                                : definition.sequence())
                        + "|suppress="
                        + definition.suppress()
                        + KEY_FORM;
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256")
                            .digest(detection.getBytes(StandardCharsets.UTF_8));
            return definition.id() + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public PatternDefinition definition() {
        return definition;
    }

    /** True for records this pattern can use; all others are dropped before the shuffle. */
    public Condition input() {
        return input;
    }

    public GroupKey groupKey() {
        return groupKey;
    }

    /** The pattern's span: how long after its event time an event can still take part. */
    public Duration within() {
        return within;
    }

    /**
     * How long after its closing event (the newest of its events) a match is certain at the latest:
     * at once, except for a sequence that ends with an absent step, which CEP finds once that
     * step's window ({@code within}, inclusive) has passed without the event.
     */
    public Duration decisionDelay() {
        if (definition.kind() != PatternKind.SEQUENCE) {
            return Duration.ZERO;
        }
        List<SequenceStep> steps = definition.sequence().steps();
        return steps.get(steps.size() - 1).absent() ? inclusive(within) : Duration.ZERO;
    }

    /** True for a threshold, which runs in {@link ThresholdFunction} rather than CEP. */
    public boolean isThreshold() {
        return definition.kind() == PatternKind.THRESHOLD;
    }

    /**
     * The record path of the field whose distinct values a threshold counts, or null if it counts
     * events.
     */
    String distinctPath() {
        return distinctPath;
    }

    /**
     * @throws IllegalStateException for a threshold, which has no CEP pattern
     */
    public Pattern<CloudTrailRecord, ?> cepPattern() {
        if (cepPattern == null) {
            throw new IllegalStateException(
                    "pattern " + definition.id() + " is a threshold and runs without CEP");
        }
        return cepPattern;
    }

    /** The CEP stages whose events make up an alert, in order. */
    List<String> stages() {
        return stages;
    }
}
