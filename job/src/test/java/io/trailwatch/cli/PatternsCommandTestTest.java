package io.trailwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code patterns test} end to end: load, validate, run through the real pipeline, report. */
class PatternsCommandTestTest {

    private static final String PASSING = "src/test/resources/runner/passing";
    private static final String FAILING = "src/test/resources/runner/failing";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void passingTestsExitZero() {
        int status = run("test", PASSING);

        assertThat(status).isZero();
        assertThat(text(out))
                .contains("  PASS a root login fires\n")
                .endsWith("11 passed, 0 failed\n");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void aFailingTestExitsOne() {
        int status = run("test", FAILING);

        assertThat(status).isEqualTo(1);
        assertThat(text(out))
                .contains("  FAIL an IAM user login is wrongly expected to fire (")
                .endsWith("1 passed, 2 failed\n");
    }

    private int run(String... args) {
        return PatternsCommand.run(args, new PrintStream(out), new PrintStream(err));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}
