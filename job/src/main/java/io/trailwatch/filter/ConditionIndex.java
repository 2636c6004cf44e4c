package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which of a list of conditions can hold for a record, by one lookup of one entry: most patterns
 * name the event names they match ({@link Condition#requiredValues}), so a record is tested only
 * against the patterns of its own event name and those that name none. Evaluating every pattern of
 * the pack on every record cost more than reading some of the records.
 */
public final class ConditionIndex implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final int[] unrestricted;
    private final HashMap<String, int[]> byValue;

    private ConditionIndex(String path, int[] unrestricted, HashMap<String, int[]> byValue) {
        this.path = path;
        this.unrestricted = unrestricted;
        this.byValue = byValue;
    }

    /** Indexes {@code conditions} by the text of the entry at {@code path}. */
    public static ConditionIndex on(String path, List<? extends Condition> conditions) {
        List<Integer> unrestricted = new ArrayList<>();
        Map<String, TreeSet<Integer>> byValue = new HashMap<>();
        for (int i = 0; i < conditions.size(); i++) {
            Set<String> values = conditions.get(i).requiredValues(path);
            if (values == null) {
                unrestricted.add(i);
            } else {
                for (String value : values) {
                    byValue.computeIfAbsent(value, v -> new TreeSet<>()).add(i);
                }
            }
        }
        HashMap<String, int[]> candidates = new HashMap<>();
        byValue.forEach(
                (value, indexes) -> {
                    indexes.addAll(unrestricted);
                    candidates.put(value, toArray(indexes));
                });
        return new ConditionIndex(path, toArray(unrestricted), candidates);
    }

    /**
     * The positions, ascending, of the conditions that may hold for {@code record}; the others
     * cannot. Shared arrays: do not modify.
     */
    public int[] candidates(CloudTrailRecord record) {
        String value = record.get(path);
        if (value == null) {
            return unrestricted;
        }
        return byValue.getOrDefault(value, unrestricted);
    }

    private static int[] toArray(Iterable<Integer> indexes) {
        List<Integer> list = new ArrayList<>();
        indexes.forEach(list::add);
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
