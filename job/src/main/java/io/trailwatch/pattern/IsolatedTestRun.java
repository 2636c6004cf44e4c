package io.trailwatch.pattern;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.FieldKind;
import io.trailwatch.cloudtrail.RecordFlattener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every test of a pattern set prepared for one batch job, isolated so that no test can see another
 * test's records, and the alerts of that job handed back to the tests that caused them.
 *
 * <p>Each test record gets a synthetic top-level field {@value #TEST_FIELD} naming its test, and
 * each test its own input (origin), so records of equal {@code eventTime} keep their order. Then:
 *
 * <ul>
 *   <li>A threshold or sequence pattern runs as one copy whose {@code groupBy} starts with {@code
 *       $.__test}. Groups never span tests, and within a test the groups, windows, counts,
 *       suppression and de-duplication are those of the original: only the key gains a part. An
 *       alert belongs to the test its group names, and counts only if that test is one of the
 *       pattern's own (the copy also sees other patterns' test records).
 *   <li>A filter pattern has no group, so each of its tests runs its own copy, whose condition is
 *       the original {@code &&} {@code $.__test} being that test: one alert per matching record of
 *       that test, as the original raises.
 * </ul>
 *
 * The one thing a test can observe is the extra field itself, through a wildcard selector over the
 * top level ({@code $.*}); no pattern of the pack uses one.
 */
final class IsolatedTestRun {

    static final String TEST_FIELD = "__test";
    static final String TEST_SELECTOR = "$." + TEST_FIELD;

    private final PatternSet patterns;
    private final List<CloudTrailRecord> records = new ArrayList<>();
    private final Map<String, TestKey> keyByTest = new LinkedHashMap<>();
    private final Map<String, PatternDefinition> originalByCopyId = new HashMap<>();
    private final Map<String, String> testByFilterCopyId = new HashMap<>();

    IsolatedTestRun(PatternSet set) {
        List<PatternDefinition> copies = new ArrayList<>();
        for (PatternDefinition pattern : set.patterns()) {
            if (pattern.tests().isEmpty()) {
                continue;
            }
            List<PatternTestCase> tests = pattern.tests();
            for (int i = 0; i < tests.size(); i++) {
                String key = pattern.id() + "#" + i;
                keyByTest.put(key, new TestKey(pattern, tests.get(i)));
                addRecords(key, tests.get(i));
            }
            if (pattern.isWindowed()) {
                PatternDefinition copy = windowedCopy(pattern);
                originalByCopyId.put(copy.id(), pattern);
                copies.add(copy);
            } else {
                for (int i = 0; i < tests.size(); i++) {
                    PatternDefinition copy = filterCopy(pattern, i);
                    originalByCopyId.put(copy.id(), pattern);
                    testByFilterCopyId.put(copy.id(), pattern.id() + "#" + i);
                    copies.add(copy);
                }
            }
        }
        this.patterns = new PatternSet(copies);
    }

    /** The pattern copies to run; empty if no pattern has tests. */
    PatternSet patterns() {
        return patterns;
    }

    /** Every test's records, each tagged with its test. */
    List<CloudTrailRecord> records() {
        return records;
    }

    /** The results of every test, in the order of the set and its tests. */
    List<PatternTestResult> results(List<Alert> alerts) {
        Map<String, List<Alert>> alertsByTest = new LinkedHashMap<>();
        keyByTest.keySet().forEach(key -> alertsByTest.put(key, new ArrayList<>()));
        for (Alert alert : alerts) {
            String test = testOf(alert);
            if (test != null) {
                alertsByTest.get(test).add(alert);
            }
        }
        List<PatternTestResult> results = new ArrayList<>();
        keyByTest.forEach(
                (key, test) ->
                        results.add(
                                new PatternTestResult(
                                        test.pattern(), test.test(), alertsByTest.get(key))));
        return results;
    }

    /** The test an alert of a copy belongs to, or null for another pattern's test records. */
    private String testOf(Alert alert) {
        PatternDefinition original = originalByCopyId.get(alert.patternId);
        if (original == null) {
            throw new IllegalStateException("alert of unknown pattern " + alert.patternId);
        }
        if (!original.isWindowed()) {
            return testByFilterCopyId.get(alert.patternId);
        }
        String test = alert.groupValues.length == 0 ? null : alert.groupValues[0];
        TestKey key = test == null ? null : keyByTest.get(test);
        return key != null && key.pattern() == original ? test : null;
    }

    private void addRecords(String key, PatternTestCase test) {
        String origin = "pattern-test:" + key;
        List<String> events = test.events();
        for (int i = 0; i < events.size(); i++) {
            records.add(tagged(RecordFlattener.flatten(events.get(i)), key, origin, i));
        }
    }

    /** Same pattern, keyed by test first. */
    private static PatternDefinition windowedCopy(PatternDefinition pattern) {
        ThresholdSpec threshold = pattern.threshold();
        SequenceSpec sequence = pattern.sequence();
        if (threshold != null) {
            threshold =
                    new ThresholdSpec(
                            threshold.filter(),
                            threshold.count(),
                            threshold.within(),
                            keyedByTest(threshold.groupBy()),
                            threshold.distinct());
        } else {
            sequence =
                    new SequenceSpec(
                            sequence.within(), keyedByTest(sequence.groupBy()), sequence.steps());
        }
        return copy(pattern, "w-" + pattern.id(), pattern.filter(), threshold, sequence);
    }

    /** Same condition, restricted to the records of one test. */
    private static PatternDefinition filterCopy(PatternDefinition pattern, int test) {
        String restricted =
                "{ ("
                        + TEST_SELECTOR
                        + " = \""
                        + pattern.id()
                        + "#"
                        + test
                        + "\") && ("
                        + inner(pattern.filter())
                        + ") }";
        return copy(pattern, "f" + test + "-" + pattern.id(), restricted, null, null);
    }

    /** The expression inside a pattern's outer braces. */
    static String inner(String condition) {
        String trimmed = condition.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new IllegalArgumentException("not a JSON filter pattern: " + condition);
        }
        return trimmed.substring(1, trimmed.length() - 1);
    }

    private static List<String> keyedByTest(List<String> groupBy) {
        List<String> keyed = new ArrayList<>();
        keyed.add(TEST_SELECTOR);
        keyed.addAll(groupBy);
        return keyed;
    }

    private static PatternDefinition copy(
            PatternDefinition pattern,
            String id,
            String filter,
            ThresholdSpec threshold,
            SequenceSpec sequence) {
        return new PatternDefinition(
                id,
                pattern.title(),
                pattern.severity(),
                pattern.description(),
                pattern.references(),
                pattern.kind(),
                filter,
                threshold,
                sequence,
                pattern.suppress(),
                List.of(),
                pattern.location());
    }

    private record TestKey(PatternDefinition pattern, PatternTestCase test) {}

    /** The record with the test tag added, at its place in the test's input. */
    private static CloudTrailRecord tagged(
            CloudTrailRecord record, String test, String origin, long sequence) {
        CloudTrailRecord.Builder builder = CloudTrailRecord.builder();
        for (int i = 0; i < record.size(); i++) {
            builder.add(record.path(i), record.kind(i), record.value(i));
        }
        builder.add(TEST_FIELD, FieldKind.STRING, test);
        return builder.build(origin, sequence);
    }
}
