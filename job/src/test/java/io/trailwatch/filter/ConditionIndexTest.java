package io.trailwatch.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.LogFileReader;
import io.trailwatch.pattern.PatternDefinition;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.SequenceStep;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The event-name index skips only conditions that cannot hold, and skips most of the pack. */
class ConditionIndexTest {

    private static final Path PACK = Path.of("../patterns");
    private static final Path DATASETS = Path.of("src/test/resources/datasets");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiterString = " => ",
            value = {
                "{ $.eventName = \"StopLogging\" } => StopLogging",
                "{ ($.eventName = \"A\") || ($.eventName = \"B\") } => A,B",
                "{ ($.eventName = \"A\") && ($.errorCode = \"AccessDenied\") } => A",
                "{ ($.errorCode = \"x\") && (($.eventName = \"A\") || ($.eventName = \"B\")) } => A,B",
                "{ ($.eventName = \"A\") && ($.eventName = \"B\") } => ''",
                "{ ($.eventName = \"A\") || ($.errorCode = \"AccessDenied\") } => <none>",
                "{ $.eventName != \"A\" } => <none>",
                "{ $.eventName = \"List*\" } => <none>",
                "{ $.eventName = %^Get% } => <none>",
                "{ $.eventName NOT EXISTS } => <none>",
                "{ $.requestParameters.eventName = \"A\" } => <none>",
            })
    void requiredEventNames(String filter, String expected) throws FilterSyntaxException {
        var required = FilterPattern.compile(filter).requiredValues("eventName");

        if (expected.equals("<none>")) {
            assertThat(required).isNull();
        } else if (expected.isEmpty()) {
            assertThat(required).isEmpty();
        } else {
            assertThat(required).containsExactlyInAnyOrder(expected.split(","));
        }
    }

    @Test
    void neverSkipsAConditionThatHoldsAndSkipsMostOfThePack() throws Exception {
        List<CompiledFilter> pack = packConditions();
        ConditionIndex index = ConditionIndex.on("eventName", pack);
        long evaluated = 0;
        long records = 0;
        for (CloudTrailRecord record : datasetRecords()) {
            records++;
            int[] candidates = index.candidates(record);
            evaluated += candidates.length;
            for (int i = 0; i < pack.size(); i++) {
                if (pack.get(i).matches(record)) {
                    assertThat(candidates)
                            .as("%s matches %s", pack.get(i), record.eventId())
                            .contains(i);
                }
            }
            assertThat(candidates).isSorted();
        }
        assertThat(records).isGreaterThan(3_000);
        assertThat((double) evaluated / records).isLessThan(pack.size() / 4.0);
    }

    private static List<CompiledFilter> packConditions() throws Exception {
        List<CompiledFilter> conditions = new ArrayList<>();
        for (PatternDefinition pattern : PatternLoader.load(PACK).patterns()) {
            if (pattern.filter() != null) {
                conditions.add(FilterPattern.compile(pattern.filter()));
            }
            if (pattern.threshold() != null) {
                conditions.add(FilterPattern.compile(pattern.threshold().filter()));
            }
            if (pattern.sequence() != null) {
                for (SequenceStep step : pattern.sequence().steps()) {
                    conditions.add(FilterPattern.compile(step.filter()));
                }
            }
        }
        assertThat(conditions).hasSizeGreaterThan(50);
        return conditions;
    }

    private static List<CloudTrailRecord> datasetRecords() throws IOException {
        List<CloudTrailRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DATASETS)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".json") && !name.endsWith(".ndjson")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(file);
                        LogFileReader reader = LogFileReader.open(in, file.toString())) {
                    for (CloudTrailRecord r = reader.next(); r != null; r = reader.next()) {
                        records.add(r);
                    }
                }
            }
        }
        return records;
    }
}
