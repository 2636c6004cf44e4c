package io.trailwatch.pattern;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A validated set of patterns with unique ids, in the order they were loaded. */
public final class PatternSet implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, PatternDefinition> byId = new LinkedHashMap<>();

    public PatternSet(List<PatternDefinition> patterns) {
        for (PatternDefinition pattern : patterns) {
            if (byId.putIfAbsent(pattern.id(), pattern) != null) {
                throw new IllegalArgumentException("duplicate pattern id " + pattern.id());
            }
        }
    }

    public List<PatternDefinition> patterns() {
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    public PatternDefinition get(String id) {
        return byId.get(id);
    }

    public int size() {
        return byId.size();
    }

    public List<PatternDefinition> ofKind(PatternKind kind) {
        List<PatternDefinition> result = new ArrayList<>();
        for (PatternDefinition pattern : byId.values()) {
            if (pattern.kind() == kind) {
                result.add(pattern);
            }
        }
        return result;
    }
}
