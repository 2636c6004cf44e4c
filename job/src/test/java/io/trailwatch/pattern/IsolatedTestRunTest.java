package io.trailwatch.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.trailwatch.alert.Alert;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.CompiledFilter;
import io.trailwatch.filter.FilterPattern;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How tests are isolated in one job; the real pipeline runs them in PatternTestRunnerTest. */
class IsolatedTestRunTest {

    private static final Path GOOD = Path.of("src/test/resources/good/patterns");

    @Test
    void filterPatternsGetOneCopyPerTestRestrictedToItsRecords() throws Exception {
        IsolatedTestRun run = new IsolatedTestRun(PatternLoader.load(GOOD));

        PatternDefinition first = run.patterns().get("f0-root-account-usage");
        PatternDefinition second = run.patterns().get("f1-root-account-usage");
        assertThat(first.filter())
                .isEqualTo(
                        "{ ($.__test = \"root-account-usage#0\") && ( $.userIdentity.type ="
                                + " \"Root\" && $.userIdentity.invokedBy NOT EXISTS ) }");
        assertThat(second.filter()).startsWith("{ ($.__test = \"root-account-usage#1\") && (");
        assertThat(first.tests()).isEmpty();
    }

    @Test
    void aFilterCopyMatchesExactlyTheRecordsOfItsTestThatTheOriginalMatches() throws Exception {
        IsolatedTestRun run = new IsolatedTestRun(PatternLoader.load(GOOD));
        CompiledFilter firstTest =
                FilterPattern.compile(run.patterns().get("f0-root-account-usage").filter());
        CompiledFilter secondTest =
                FilterPattern.compile(run.patterns().get("f1-root-account-usage").filter());

        List<CloudTrailRecord> records = run.records();
        // e1 (test 0, root), r1 (test 1, root), r2 (test 1, IAM user)
        assertThat(records)
                .extracting(firstTest::matches)
                .containsExactly(true, false, false, false, false);
        assertThat(records)
                .extracting(secondTest::matches)
                .containsExactly(false, true, false, false, false);
    }

    @Test
    void windowedPatternsAreKeyedByTestFirstAndOtherwiseUnchanged() throws Exception {
        PatternSet set = PatternLoader.load(GOOD);
        IsolatedTestRun run = new IsolatedTestRun(set);

        PatternDefinition original = set.get("console-signin-failures");
        PatternDefinition copy = run.patterns().get("w-console-signin-failures");
        assertThat(copy.threshold().groupBy()).containsExactly("$.__test", "$.recipientAccountId");
        assertThat(copy.threshold().filter()).isEqualTo(original.threshold().filter());
        assertThat(copy.threshold().count()).isEqualTo(original.threshold().count());
        assertThat(copy.threshold().within()).isEqualTo(original.threshold().within());
        assertThat(copy.threshold().distinct()).isEqualTo(original.threshold().distinct());
        assertThat(copy.suppress()).isEqualTo(original.suppress());
        // A pattern without tests is not run at all.
        assertThat(run.patterns().get("w-key-created-then-used")).isNull();
    }

    @Test
    void recordsAreTaggedWithTheirTestAndKeepTheirOrder() throws Exception {
        IsolatedTestRun run = new IsolatedTestRun(PatternLoader.load(GOOD));

        assertThat(run.records())
                .extracting(
                        r -> r.get("__test"), CloudTrailRecord::eventId, CloudTrailRecord::sequence)
                .containsExactly(
                        tuple("root-account-usage#0", "e1", 0L),
                        tuple("root-account-usage#1", "r1", 0L),
                        tuple("root-account-usage#1", "r2", 1L),
                        tuple("console-signin-failures#0", "f1", 0L),
                        tuple("console-signin-failures#0", "f2", 1L));
        assertThat(run.records().get(1).origin()).isNotEqualTo(run.records().get(0).origin());
        assertThat(run.records().get(2).origin()).isEqualTo(run.records().get(1).origin());
    }

    @Test
    void alertsGoBackToTheTestThatCausedThem() throws Exception {
        IsolatedTestRun run = new IsolatedTestRun(PatternLoader.load(GOOD));

        List<PatternTestResult> results =
                run.results(
                        List.of(
                                alert("f1-root-account-usage"),
                                alert("w-console-signin-failures", "console-signin-failures#0"),
                                // The threshold copy also sees the root tests' records; not
                                // counted.
                                alert("w-console-signin-failures", "root-account-usage#0")));

        assertThat(results)
                .extracting(r -> r.test().name(), r -> r.alerts().size(), PatternTestResult::passed)
                .containsExactly(
                        tuple("root console login fires", 0, false),
                        tuple("records from a CloudTrail log file", 1, true),
                        tuple("two failures do not fire", 1, false));
    }

    private static Alert alert(String patternId, String... groupValues) {
        Alert alert = new Alert();
        alert.patternId = patternId;
        alert.groupValues = groupValues;
        alert.eventIds = new String[0];
        return alert;
    }
}
