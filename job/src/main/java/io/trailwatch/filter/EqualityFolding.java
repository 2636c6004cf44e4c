package io.trailwatch.filter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites the parts of an {@code ||} so that exact string equalities on the same plain selector
 * become one {@link TextSetTest}. Conditions have no side effects, so the order of the parts does
 * not change the result; the folded term takes the place of the first one it replaces.
 */
final class EqualityFolding {

    private EqualityFolding() {}

    static List<Condition> foldAnyOf(List<Condition> parts) {
        Map<String, Set<String>> valuesByPath = new LinkedHashMap<>();
        for (Condition part : parts) {
            String path = foldablePath(part);
            if (path != null) {
                valuesByPath
                        .computeIfAbsent(path, p -> new LinkedHashSet<>())
                        .add(((TextTest) ((Term) part).test()).expected());
            }
        }
        List<Condition> folded = new ArrayList<>();
        Set<String> emitted = new LinkedHashSet<>();
        for (Condition part : parts) {
            String path = foldablePath(part);
            if (path == null || valuesByPath.get(path).size() < 2) {
                folded.add(part);
            } else if (emitted.add(path)) {
                Term term = (Term) part;
                folded.add(
                        Term.comparing(term.selector(), new TextSetTest(valuesByPath.get(path))));
            }
        }
        return folded;
    }

    /** The path of a {@code $.path = "text"} term without wildcards, else null. */
    private static String foldablePath(Condition part) {
        if (!(part instanceof Term)) {
            return null;
        }
        Term term = (Term) part;
        if (!(term.selector() instanceof PathSelector) || !(term.test() instanceof TextTest)) {
            return null;
        }
        TextTest test = (TextTest) term.test();
        return test.negated() ? null : ((PathSelector) term.selector()).path();
    }
}
