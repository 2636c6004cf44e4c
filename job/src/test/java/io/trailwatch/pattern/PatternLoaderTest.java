package io.trailwatch.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternLoaderTest {

    /** Surefire runs in the module folder, so messages name readable relative paths. */
    private static final Path GOOD = Path.of("src/test/resources/good/patterns");

    private static final Path BAD = Path.of("src/test/resources/bad/patterns");

    @Test
    void loadsEveryPatternKindFromADirectoryInSortedOrder() throws Exception {
        PatternSet set = PatternLoader.load(GOOD);

        assertThat(set.patterns())
                .extracting(PatternDefinition::id)
                .containsExactly(
                        "root-account-usage", "console-signin-failures", "key-created-then-used");
        assertThat(set.ofKind(PatternKind.FILTER)).hasSize(1);
        assertThat(set.ofKind(PatternKind.THRESHOLD)).hasSize(1);
        assertThat(set.ofKind(PatternKind.SEQUENCE)).hasSize(1);
    }

    @Test
    void readsAFilterPatternWithItsFieldsAndLocation() throws Exception {
        PatternDefinition root = PatternLoader.load(GOOD).get("root-account-usage");

        assertThat(root.title()).isEqualTo("Root account used");
        assertThat(root.severity()).isEqualTo(Severity.HIGH);
        assertThat(root.description()).isEqualTo("The root user made an API call.");
        assertThat(root.references()).containsExactly("CIS AWS Foundations 1.7");
        assertThat(root.filter()).contains("$.userIdentity.type = \"Root\"");
        assertThat(root.suppress()).isNull();
        assertThat(root.location())
                .isEqualTo(new SourceLocation(GOOD.resolve("root-account.yaml").toString(), 2));
    }

    @Test
    void readsThresholdWithDefaultGroupAndSequenceSteps() throws Exception {
        PatternSet set = PatternLoader.load(GOOD);

        PatternDefinition failures = set.get("console-signin-failures");
        assertThat(failures.threshold())
                .isEqualTo(
                        new ThresholdSpec(
                                "{ ($.eventName = \"ConsoleLogin\") && ($.errorMessage ="
                                        + " \"Failed authentication\") }",
                                3,
                                Duration.ofMinutes(5),
                                List.of("$.recipientAccountId"),
                                "$.userIdentity.userName"));
        assertThat(failures.suppress()).isEqualTo(Duration.ofHours(1));

        SequenceSpec sequence = set.get("key-created-then-used").sequence();
        assertThat(sequence.within()).isEqualTo(Duration.ofHours(1));
        assertThat(sequence.groupBy())
                .containsExactly("$.recipientAccountId", "$.requestParameters.userName");
        assertThat(sequence.steps())
                .containsExactly(
                        new SequenceStep(
                                "created", "{ $.eventName = \"CreateAccessKey\" }", 1, false),
                        new SequenceStep(
                                "used", "{ $.eventName = \"GetCallerIdentity\" }", 2, false),
                        new SequenceStep(
                                "not deleted", "{ $.eventName = \"DeleteAccessKey\" }", 1, true));
    }

    @Test
    void readsInlineEventsAndTestFilesOfEveryShape() throws Exception {
        PatternSet set = PatternLoader.load(GOOD);

        List<PatternTestCase> rootTests = set.get("root-account-usage").tests();
        assertThat(rootTests)
                .extracting(PatternTestCase::name)
                .containsExactly("root console login fires", "records from a CloudTrail log file");
        assertThat(rootTests.get(0).events()).hasSize(1);
        assertThat(rootTests.get(0).events().get(0))
                .startsWith("{\"eventTime\":\"2024-03-01T10:00:00Z\",\"eventID\":\"e1\"");
        assertThat(rootTests.get(0).file()).isNull();
        // {"Records": [...]}
        assertThat(rootTests.get(1).file()).isEqualTo("tests/root-log.json");
        assertThat(rootTests.get(1).events()).hasSize(2);
        assertThat(rootTests.get(1).expectedAlerts()).isEqualTo(1);
        // One record per line.
        PatternTestCase ndjson = set.get("console-signin-failures").tests().get(0);
        assertThat(ndjson.events()).hasSize(2);
        assertThat(ndjson.expectedAlerts()).isZero();
    }

    @Test
    void readsATestFileThatIsAJsonArray(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("array.json"),
                "[{\"eventTime\": \"2024-03-01T10:00:00Z\", \"eventName\": \"A\"},\n"
                        + " {\"eventTime\": \"2024-03-01T10:00:01Z\", \"eventName\": \"B\"}]");
        Path file = dir.resolve("p.yaml");
        Files.writeString(
                file,
                filterPattern("array-file")
                        + "tests:\n  - name: array\n    file: array.json\n    alerts: 1\n");

        PatternTestCase test = PatternLoader.load(file).get("array-file").tests().get(0);

        assertThat(test.events())
                .containsExactly(
                        "{\"eventTime\":\"2024-03-01T10:00:00Z\",\"eventName\":\"A\"}",
                        "{\"eventTime\":\"2024-03-01T10:00:01Z\",\"eventName\":\"B\"}");
    }

    @Test
    void badYamlSyntaxNamesTheLine() {
        assertThat(problems("syntax.yaml"))
                .containsExactly(
                        "syntax.yaml:7: YAML syntax: mapping values are not allowed here; check the"
                                + " indentation, and quote values that contain ': ' or start with {");
    }

    @Test
    void unquotedConditionSaysToQuoteIt() {
        assertThat(problems("unquoted-filter.yaml"))
                .containsExactly(
                        "unquoted-filter.yaml:4: filter must be a quoted condition, e.g. filter: '{"
                                + " $.eventName = \"ConsoleLogin\" }'; without quotes YAML reads"
                                + " the braces as a mapping");
    }

    @Test
    void unknownFieldsAreRejectedWithADidYouMeanHint() {
        assertThat(problems("unknown-field.yaml"))
                .containsExactly(
                        "unknown-field.yaml:4: unknown field \"treshold\"; did you mean"
                                + " \"threshold\"?",
                        "unknown-field.yaml:16: unknown field \"groupby\" in threshold; did you"
                                + " mean \"groupBy\"?",
                        "unknown-field.yaml:17: unknown field \"colour\" in threshold; expected"
                                + " one of filter, count, within, groupBy, distinct");
    }

    @Test
    void badDurationsSayHowToWriteOne() {
        assertThat(problems("durations.yaml"))
                .containsExactly(
                        "durations.yaml:7: threshold.within \"5 min\" is not a duration; write a"
                                + " whole number directly followed by one unit s, m, h or d, e.g."
                                + " 30s, 5m, 1h, 1d",
                        "durations.yaml:15: threshold.within \"-1m\" is negative; a duration must"
                                + " be positive, e.g. 5m",
                        "durations.yaml:21: suppress \"0s\" is zero; a duration must be positive,"
                                + " e.g. 1s",
                        "durations.yaml:27: sequence.within 300 has no unit; write e.g. 300s or"
                                + " 300m");
    }

    @Test
    void duplicateIdsAcrossFilesNameBothLocations() {
        assertThatThrownBy(() -> PatternLoader.load(BAD.resolve("duplicate-ids")))
                .isInstanceOfSatisfying(
                        PatternValidationException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(Problem::toString)
                                        .containsExactly(
                                                BAD.resolve("duplicate-ids/nested/b.yaml")
                                                        + ":2: id \"same-id\" is already used at "
                                                        + BAD.resolve("duplicate-ids/a.yaml")
                                                        + ":1; pattern ids must be unique in the"
                                                        + " set, rename one"));
    }

    @Test
    void missingOrWrongTopLevelFieldsAreEachReported() {
        assertThat(problems("missing-fields.yaml"))
                .containsExactly(
                        "missing-fields.yaml:1: id is missing; add a unique id such as"
                                + " console-signin-failures",
                        "missing-fields.yaml:1: title is missing; add a one-line title",
                        "missing-fields.yaml:1: severity is missing; add one of info, low, medium,"
                                + " high, critical",
                        "missing-fields.yaml:4: id \"Bad_Id\" may contain only lower-case letters,"
                                + " digits and '-', e.g. console-signin-failures",
                        "missing-fields.yaml:6: severity \"urgent\" is not one of info, low,"
                                + " medium, high, critical",
                        "missing-fields.yaml:9: a pattern needs exactly one of filter, threshold"
                                + " or sequence; add one of them",
                        "missing-fields.yaml:17: a pattern has exactly one of filter, threshold or"
                                + " sequence, but this one has filter and threshold; keep one");
    }

    @Test
    void aConditionThatDoesNotCompileNamesLineAndColumn() {
        assertThat(problems("invalid-filter.yaml"))
                .containsExactly(
                        "invalid-filter.yaml:7: threshold.filter is not a valid filter pattern:"
                                + " column 21: expected } to close the { at column 1",
                        "invalid-filter.yaml:16: sequence.steps[0].filter is not a valid filter"
                                + " pattern: column 17: expected a value after =: a \"quoted"
                                + " string\", a bare word, a number, * or a %regex%");
    }

    @Test
    void countsAndSelectorsMustBeWellFormed() {
        assertThat(problems("counts-and-selectors.yaml"))
                .containsExactly(
                        "counts-and-selectors.yaml:6: threshold.count must be a whole number of at"
                                + " least 1, not 0",
                        "counts-and-selectors.yaml:8: threshold.groupBy[0] \"recipientAccountId\""
                                + " is not a field selector: column 1: expected a selector such as"
                                + " $.userIdentity.arn",
                        "counts-and-selectors.yaml:8: threshold.groupBy[1] \"$.resources[*].ARN\""
                                + " is not a field selector: column 13: a wildcard is not allowed"
                                + " in this selector",
                        "counts-and-selectors.yaml:9: threshold.distinct \"$.userIdentity..arn\""
                                + " is not a field selector: column 16: expected a property name"
                                + " after . in the selector (letters, digits, - and _; write"
                                + " ['name'] for other characters), found '.arn'",
                        "counts-and-selectors.yaml:16: threshold.count must be a whole number of"
                                + " at least 1, not \"three\"");
    }

    @Test
    void sequenceStepsAreChecked() {
        assertThat(problems("sequence.yaml"))
                .containsExactlyInAnyOrder(
                        "sequence.yaml:9: the first step cannot be absent: an absent step means"
                                + " \"no such event follows the previous step\"; put a step before"
                                + " it",
                        "sequence.yaml:12: step name \"twice\" is already used at line 10; step"
                                + " names must be unique within a sequence",
                        "sequence.yaml:14: sequence.steps[2].count must be a whole number of at"
                                + " least 1, not 0",
                        "sequence.yaml:21: sequence.steps must list at least one step, each with a"
                                + " name and a filter",
                        "sequence.yaml:29: sequence.steps[0].filter is missing; add a condition"
                                + " such as '{ ($.eventName = \"ConsoleLogin\") }'");
    }

    @Test
    void testsAndTheirRecordsAreChecked() {
        String badRecords = BAD.resolve("tests/bad-records.ndjson").toString();
        String notJson = BAD.resolve("tests/not-json.json").toString();
        assertThat(problems("tests.yaml"))
                .containsExactlyInAnyOrder(
                        "tests.yaml:6: tests[0].alerts is missing; add how many alerts the test"
                                + " expects, e.g. alerts: 1",
                        "tests.yaml:8: tests[1] has both events and file; keep one",
                        "tests.yaml:12: tests[2] needs its records: add events: [...] or file:"
                                + " PATH",
                        "tests.yaml:19: tests[3].alerts must be a whole number of at least 0, not"
                                + " -1",
                        "tests.yaml:16: tests[3].events[0] has no eventTime; add one, e.g."
                                + " \"eventTime\": \"2024-01-01T12:00:00Z\"",
                        "tests.yaml:17: tests[3].events[1] has eventTime \"yesterday\", which is"
                                + " not an ISO-8601 time; write e.g. \"2024-01-01T12:00:00Z\"",
                        "tests.yaml:18: tests[3].events[2] is not a JSON object; a test event is"
                                + " one CloudTrail record {\"eventTime\": ...}",
                        "tests.yaml:21: tests[4].file \"tests/does-not-exist.json\" not found at "
                                + BAD.resolve("tests/does-not-exist.json")
                                + "; the path is relative to the pattern file",
                        badRecords
                                + ":2: record 2 has no eventTime; add one, e.g. \"eventTime\":"
                                + " \"2024-01-01T12:00:00Z\"",
                        notJson
                                + ":2: not valid JSON: Unexpected character (',' (code 44)): was"
                                + " expecting double-quote to start field name");
    }

    @Test
    void aMissingPathOrAnEmptyDirectoryIsAProblem(@TempDir Path dir) {
        assertThatThrownBy(() -> PatternLoader.load(dir.resolve("nowhere")))
                .isInstanceOf(PatternValidationException.class)
                .hasMessageContaining("nowhere: no such file or directory");
        assertThatThrownBy(() -> PatternLoader.load(dir))
                .isInstanceOf(PatternValidationException.class)
                .hasMessageContaining(dir + ": holds no pattern files; they end in .yaml or .yml");
    }

    @Test
    void oneBadDocumentRejectsTheWholeSet(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a-good.yaml"), filterPattern("good-one"));
        Files.writeString(dir.resolve("b-bad.yaml"), filterPattern("bad-one") + "suppress: 5\n");

        assertThatThrownBy(() -> PatternLoader.load(dir))
                .isInstanceOfSatisfying(
                        PatternValidationException.class,
                        e ->
                                assertThat(e.problems())
                                        .extracting(Problem::message)
                                        .containsExactly(
                                                "suppress 5 has no unit; write e.g. 5s or 5m"));
    }

    @Test
    void loadsFromAStreamResolvingTestFilesAgainstItsName() throws Exception {
        String yaml =
                filterPattern("from-stream")
                        + "tests:\n  - name: log\n    file: tests/root-log.json\n    alerts: 1\n";
        InputStream in = new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));

        PatternSet set = PatternLoader.load(in, GOOD.resolve("stream.yaml").toString());

        assertThat(set.get("from-stream").tests().get(0).events()).hasSize(2);
        assertThat(set.get("from-stream").location().file())
                .isEqualTo(GOOD.resolve("stream.yaml").toString());
    }

    @Test
    void loadsAClasspathDirectory() throws Exception {
        PatternSet set = PatternLoader.loadResource("good/patterns", getClass().getClassLoader());

        assertThat(set.size()).isEqualTo(3);
        assertThat(set.get("root-account-usage").tests().get(1).events()).hasSize(2);
    }

    @Test
    void loadsAClasspathDirectoryInsideAJar(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("bundle.jar");
        // Laid out as the build lays out the bundled pack: directory entries, then files.
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(GOOD)) {
            for (Path path : files.sorted().collect(Collectors.toList())) {
                String name = "patterns/" + GOOD.relativize(path);
                if (Files.isDirectory(path)) {
                    out.putNextEntry(new JarEntry(name.endsWith("/") ? name : name + "/"));
                } else {
                    out.putNextEntry(new JarEntry(name));
                    copy(path, out);
                }
                out.closeEntry();
            }
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            PatternSet set = PatternLoader.loadResource("patterns", loader);

            assertThat(set.patterns())
                    .extracting(PatternDefinition::id)
                    .containsExactly(
                            "root-account-usage",
                            "console-signin-failures",
                            "key-created-then-used");
            assertThat(set.get("console-signin-failures").tests().get(0).events()).hasSize(2);
        }
    }

    @Test
    void aMissingClasspathDirectoryIsAProblem() {
        assertThatThrownBy(
                        () ->
                                PatternLoader.loadResource(
                                        "no/such/patterns", getClass().getClassLoader()))
                .isInstanceOf(PatternValidationException.class)
                .hasMessageContaining("classpath:no/such/patterns: no such resource directory");
    }

    private static void copy(Path file, OutputStream out) throws IOException {
        Files.copy(file, out);
    }

    private static String filterPattern(String id) {
        return "id: "
                + id
                + "\ntitle: A pattern\nseverity: low\nfilter: '{ $.eventName = \"A\" }'\n";
    }

    /** The problems of one bad pattern file, with the folder left off the file names. */
    private static List<String> problems(String file) {
        try {
            PatternLoader.load(BAD.resolve(file));
        } catch (PatternValidationException e) {
            String prefix = BAD + "/";
            return e.problems().stream()
                    .map(Problem::toString)
                    .map(p -> p.startsWith(prefix + file) ? p.substring(prefix.length()) : p)
                    .collect(Collectors.toList());
        }
        throw new AssertionError(file + " was expected not to validate");
    }
}
