package io.trailwatch.bench;

import io.trailwatch.filter.Condition;
import io.trailwatch.filter.FilterPattern;
import io.trailwatch.pattern.PatternDefinition;
import io.trailwatch.pattern.PatternKind;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pattern.SequenceStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The conditions a pattern set evaluates on every event, and subsets of a pack for scaling. */
final class PackConditions {

    private PackConditions() {}

    /**
     * Every condition of the set: the filter of a single-event pattern, the filter of a threshold,
     * each step of a sequence — each is evaluated once per event.
     */
    static List<Condition> of(PatternSet patterns) {
        List<Condition> conditions = new ArrayList<>();
        for (PatternDefinition pattern : patterns.patterns()) {
            switch (pattern.kind()) {
                case FILTER:
                    conditions.add(FilterPattern.compileValidated(pattern.filter()));
                    break;
                case THRESHOLD:
                    conditions.add(FilterPattern.compileValidated(pattern.threshold().filter()));
                    break;
                case SEQUENCE:
                    for (SequenceStep step : pattern.sequence().steps()) {
                        conditions.add(FilterPattern.compileValidated(step.filter()));
                    }
                    break;
                default:
                    throw new IllegalStateException("unknown pattern kind " + pattern.kind());
            }
        }
        return conditions;
    }

    /**
     * The first {@code count} patterns of the set taken in turn from each kind (single-event,
     * threshold, sequence; by id within a kind), so that every subset has a mix like the pack's.
     */
    static PatternSet firstMixed(PatternSet patterns, int count) {
        List<List<PatternDefinition>> byKind = new ArrayList<>();
        for (PatternKind kind :
                List.of(PatternKind.FILTER, PatternKind.THRESHOLD, PatternKind.SEQUENCE)) {
            List<PatternDefinition> ofKind = new ArrayList<>(patterns.ofKind(kind));
            ofKind.sort(Comparator.comparing(PatternDefinition::id));
            byKind.add(ofKind);
        }
        List<PatternDefinition> chosen = new ArrayList<>();
        for (int round = 0; chosen.size() < Math.min(count, patterns.size()); round++) {
            for (List<PatternDefinition> ofKind : byKind) {
                if (round < ofKind.size() && chosen.size() < count) {
                    chosen.add(ofKind.get(round));
                }
            }
        }
        return new PatternSet(chosen);
    }
}
