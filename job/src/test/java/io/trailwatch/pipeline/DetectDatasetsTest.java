package io.trailwatch.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.alert.Alert;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The bundled pattern pack over the real CloudTrail datasets, through the same bounded pipeline
 * {@code detect} runs: every record is read, and the alerts are exactly those that {@code
 * patterns/EXPECTED.md} says each attack technique's logs must raise — no more, no fewer.
 */
class DetectDatasetsTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([^`]+\\.json)` \\| (.+) \\|$");
    private static final Pattern COUNT = Pattern.compile("([a-z0-9-]+)\\((\\d+)\\)");
    private static final Pattern LIST_ITEM = Pattern.compile("^- `([a-z0-9-]+)`: (\\d+)$");

    private static PatternSet pack;

    @BeforeAll
    static void loadPack() throws Exception {
        pack = PatternLoader.load(RepositoryFiles.patterns());
    }

    @Test
    void readsEveryRecordOfEveryDataset() throws Exception {
        assertThat(detect(RepositoryFiles.dataset("invictus")).records()).isEqualTo(2_900);
        assertThat(detect(RepositoryFiles.dataset("stratus")).records()).isEqualTo(310);
        // 440 records, of which 136 have an eventTime that is null or not ISO-8601: malformed.
        LocalDetection.Result panther =
                detect(RepositoryFiles.dataset("panther-test-events.ndjson"));
        assertThat(panther.records()).isEqualTo(304);
        assertThat(panther.malformedRecords()).isEqualTo(136);
        assertThat(panther.failedFiles()).isZero();
    }

    /** The benchmark's floor: the same job with no pattern reads everything and raises nothing. */
    @Test
    void theJobWithNoPatternsReadsEveryRecordAndRaisesNoAlert() throws Exception {
        LocalDetection.Result result =
                new LocalDetection(new PatternSet(List.of()), PipelineSettings.defaults(), 2)
                        .run(List.of(RepositoryFiles.dataset("invictus")));
        assertThat(result.records()).isEqualTo(2_900);
        assertThat(result.alerts()).isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> eachStratusTechniqueRaisesExactlyItsExpectedAlerts() throws IOException {
        Map<String, Map<String, Integer>> expected = new TreeMap<>();
        for (String line : expectedDoc()) {
            Matcher row = TABLE_ROW.matcher(line);
            if (row.matches()) {
                expected.put(row.group(1), counts(row.group(2)));
            }
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(30);
        return expected.entrySet().stream()
                .map(
                        file ->
                                DynamicTest.dynamicTest(
                                        file.getKey(),
                                        () -> {
                                            Path log =
                                                    RepositoryFiles.dataset("stratus")
                                                            .resolve(file.getKey());
                                            assertThat(countByPattern(detect(log).alerts()))
                                                    .isEqualTo(file.getValue());
                                        }));
    }

    @Test
    void invictusRaisesExactlyTheAttackAlertsCheckedByHand() throws Exception {
        Map<String, Integer> expected = new TreeMap<>();
        boolean inInvictusSection = false;
        for (String line : expectedDoc()) {
            if (line.startsWith("## ")) {
                inInvictusSection = line.contains("invictus");
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (inInvictusSection && item.matches()) {
                expected.put(item.group(1), Integer.parseInt(item.group(2)));
            }
        }
        assertThat(expected).isNotEmpty();

        Map<String, Integer> actual =
                countByPattern(detect(RepositoryFiles.dataset("invictus")).alerts());
        actual.keySet().removeIf(patternId -> patternId.startsWith("cis-"));
        assertThat(actual).isEqualTo(expected);
    }

    private static List<String> expectedDoc() throws IOException {
        return Files.readAllLines(RepositoryFiles.patterns().resolve("EXPECTED.md"));
    }

    private static Map<String, Integer> counts(String cell) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher count = COUNT.matcher(cell);
        while (count.find()) {
            counts.put(count.group(1), Integer.parseInt(count.group(2)));
        }
        return counts;
    }

    private static Map<String, Integer> countByPattern(List<Alert> alerts) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Alert alert : alerts) {
            counts.merge(alert.patternId, 1, Integer::sum);
        }
        return counts;
    }

    private static LocalDetection.Result detect(Path logs) throws Exception {
        return new LocalDetection(pack, PipelineSettings.defaults(), 2).run(List.of(logs));
    }
}
