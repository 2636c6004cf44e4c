package io.trailwatch.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pattern tests run through the real pipeline, all in one batch job. */
class PatternTestRunnerTest {

    private static final Path PASSING = Path.of("src/test/resources/runner/passing");
    private static final Path FAILING = Path.of("src/test/resources/runner/failing");

    private final PatternTestRunner runner = new PatternTestRunner(new PipelineDetector(2));

    @Test
    void passingFilterThresholdAndSequenceTestsAllPass() throws Exception {
        PatternSet set = PatternLoader.load(PASSING);

        List<PatternTestResult> results = runner.run(set);

        assertThat(results)
                .allSatisfy(
                        result ->
                                assertThat(result.alerts())
                                        .as(result.test().name())
                                        .hasSize(result.test().expectedAlerts()));
        assertThat(results).hasSize(11);
        String report = report(set, results);
        assertThat(report).doesNotContain("FAIL").endsWith("11 passed, 0 failed\n");
        assertThat(report)
                .contains(
                        "signin-failures ("
                                + PASSING.resolve("signin-failures.yaml")
                                + ":1)\n"
                                + "  PASS three failures within five minutes fire once\n"
                                + "  PASS a span of exactly five minutes is inside the window\n");
    }

    @Test
    void failingTestsAreReportedWithTheAlertsTheyGot() throws Exception {
        PatternSet set = PatternLoader.load(FAILING);
        String file = FAILING.resolve("failing.yaml").toString();

        List<PatternTestResult> results = runner.run(set);
        String report = report(set, results);

        assertThat(results)
                .extracting(PatternTestResult::passed)
                .containsExactly(true, false, false);
        assertThat(report)
                .matches(
                        "(?s)root-console-login \\("
                                + file
                                + ":1\\)\n"
                                + "  PASS a root login fires\n"
                                + "  FAIL an IAM user login is wrongly expected to fire \\("
                                + file
                                + ":10\\): expected 1 alert, got 0\n"
                                + "signin-failures \\("
                                + file
                                + ":15\\)\n"
                                + "  FAIL three failures are wrongly expected to stay quiet \\("
                                + file
                                + ":23\\): expected 0 alerts, got 1\n"
                                + "       alert [0-9a-f]+ at 2024-03-01T10:00:00Z on events f1,"
                                + " f2, f3\n"
                                + "1 passed, 2 failed\n");
    }

    private static String report(PatternSet set, List<PatternTestResult> results) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PatternTestRunner.report(set, results, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
