package io.trailwatch.pattern;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs the tests that patterns carry through a detection pipeline and reports which pass. All tests
 * of a set run in one job (a job per test would take about a second each), isolated from one
 * another as {@link IsolatedTestRun} describes.
 */
public final class PatternTestRunner {

    /** Runs patterns over records in one bounded job and returns every alert raised. */
    @FunctionalInterface
    public interface Detector {
        List<Alert> detect(PatternSet patterns, List<CloudTrailRecord> records) throws Exception;
    }

    private final Detector detector;

    public PatternTestRunner(Detector detector) {
        this.detector = detector;
    }

    /** The result of every test in the set, in the order of its patterns and their tests. */
    public List<PatternTestResult> run(PatternSet set) throws Exception {
        IsolatedTestRun run = new IsolatedTestRun(set);
        if (run.patterns().size() == 0) {
            return List.of();
        }
        return run.results(detector.detect(run.patterns(), run.records()));
    }

    /**
     * Writes a readable report: per pattern, each test as {@code PASS} or {@code FAIL expected N
     * alerts, got M} with the alerts raised, then {@code N passed, N failed}.
     *
     * @return the number of failed tests
     */
    public static int report(PatternSet set, List<PatternTestResult> results, PrintStream out) {
        int passed = 0;
        int failed = 0;
        for (PatternDefinition pattern : set.patterns()) {
            out.println(pattern.id() + " (" + pattern.location() + ")");
            if (pattern.tests().isEmpty()) {
                out.println("  no tests");
            }
            for (PatternTestResult result : results) {
                if (result.pattern() != pattern) {
                    continue;
                }
                if (result.passed()) {
                    passed++;
                    out.println("  PASS " + result.test().name());
                } else {
                    failed++;
                    writeFailure(result, out);
                }
            }
        }
        out.println(passed + " passed, " + failed + " failed");
        return failed;
    }

    private static void writeFailure(PatternTestResult result, PrintStream out) {
        PatternTestCase test = result.test();
        out.println(
                "  FAIL "
                        + test.name()
                        + " ("
                        + test.location()
                        + "): expected "
                        + alerts(test.expectedAlerts())
                        + ", got "
                        + result.alerts().size());
        for (Alert alert : result.alerts()) {
            out.println(
                    "       alert "
                            + alert.alertId
                            + " at "
                            + alert.firstEventTime
                            + " on events "
                            + String.join(", ", eventIds(alert)));
        }
    }

    private static List<String> eventIds(Alert alert) {
        return java.util.Arrays.stream(alert.eventIds)
                .map(id -> id == null ? "(no eventID)" : id)
                .toList();
    }

    private static String alerts(int count) {
        return count + (count == 1 ? " alert" : " alerts");
    }
}
