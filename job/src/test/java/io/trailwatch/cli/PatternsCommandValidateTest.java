package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PatternsCommandValidateTest {

    private static final String GOOD = "src/test/resources/good/patterns";
    private static final String DUPLICATES = "src/test/resources/bad/patterns/duplicate-ids";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void validSetPrintsCountsPerKind() {
        int status = run("validate", GOOD);

        assertThat(status).isZero();
        assertThat(text(out))
                .isEqualTo("OK: 3 patterns (1 filter, 1 threshold, 1 sequence) in " + GOOD + "\n");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void invalidSetPrintsEveryProblemOnItsOwnLineAndFails() {
        int status = run("validate", DUPLICATES);

        assertThat(status).isEqualTo(1);
        assertThat(text(out)).isEmpty();
        assertThat(text(err).split("\n"))
                .containsExactly(
                        DUPLICATES
                                + "/nested/b.yaml:2: id \"same-id\" is already used at "
                                + DUPLICATES
                                + "/a.yaml:1; pattern ids must be unique in the set, rename one",
                        "1 problem in " + DUPLICATES + "; nothing was loaded");
    }

    @Test
    void testRejectsAnInvalidSetBeforeRunningAnything() {
        int status =
                PatternsCommand.run(
                        new String[] {"test", DUPLICATES},
                        new PrintStream(out),
                        new PrintStream(err),
                        () -> {
                            throw new AssertionError("no tests may run on an invalid set");
                        });

        assertThat(status).isEqualTo(1);
        assertThat(text(err)).contains("pattern ids must be unique");
    }

    @Test
    void wrongArgumentsPrintUsageAndExitTwo() {
        assertThat(run()).isEqualTo(2);
        assertThat(run("validate")).isEqualTo(2);
        assertThat(run("check", GOOD)).isEqualTo(2);
        assertThat(run("validate", GOOD, "extra")).isEqualTo(2);
        assertThat(text(err)).startsWith("Usage: trailwatch patterns validate PATH\n");
        assertThat(text(out)).isEmpty();
    }

    private int run(String... args) {
        return PatternsCommand.run(args, new PrintStream(out), new PrintStream(err));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
