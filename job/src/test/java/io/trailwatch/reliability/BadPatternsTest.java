package io.trailwatch.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pattern.PatternValidationException;
import io.trailwatch.pattern.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad pattern file of {@code bad/patterns/} (the pattern loader's own corpus), loaded in one
 * directory with a good pattern: the set is rejected as a whole (a running job never swaps in an
 * invalid set), every problem points at a line of the bad file, none at the good one, and the good
 * pattern loads on its own.
 */
class BadPatternsTest {

    private static final Path BAD = Path.of("src/test/resources/bad/patterns");
    private static final Path GOOD = Path.of("src/test/resources/good/patterns");

    static Stream<Arguments> badPatterns() {
        return Stream.of(
                Arguments.of("syntax.yaml", "YAML"),
                Arguments.of("unknown-field.yaml", "treshold"),
                Arguments.of("durations.yaml", "5 min"),
                Arguments.of("duplicate-ids", "same-id"),
                Arguments.of("invalid-filter.yaml", "filter"),
                Arguments.of("unquoted-filter.yaml", "quote"),
                Arguments.of("missing-fields.yaml", "id"),
                Arguments.of("counts-and-selectors.yaml", "count"),
                Arguments.of("sequence.yaml", "step"),
                Arguments.of("tests.yaml", "alerts"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPatterns")
    void theSetIsRejectedWithProblemsThatPointAtTheBadFileOnly(
            String bad, String problem, @TempDir Path set) throws Exception {
        copy(BAD.resolve(bad), set.resolve(bad));
        copy(GOOD.resolve("root-account.yaml"), set.resolve("root-account.yaml"));
        copy(GOOD.resolve("tests"), set.resolve("tests"));

        PatternValidationException rejected =
                catchThrowableOfType(
                        PatternValidationException.class, () -> PatternLoader.load(set));

        assertThat(rejected).as("the set with %s is rejected", bad).isNotNull();
        List<Problem> problems = rejected.problems();
        assertThat(problems).isNotEmpty();
        assertThat(problems)
                .allSatisfy(
                        p -> {
                            assertThat(p.location().file()).contains(bad);
                            assertThat(p.location().line()).isPositive();
                        });
        assertThat(problems)
                .extracting(Problem::message)
                .anySatisfy(message -> assertThat(message).containsIgnoringCase(problem));
        PatternSet good = PatternLoader.load(GOOD.resolve("root-account.yaml"));
        assertThat(good.size()).isEqualTo(1);
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
            return;
        }
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path path : tree.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
