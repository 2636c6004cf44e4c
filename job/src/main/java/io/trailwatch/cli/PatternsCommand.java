package io.trailwatch.cli;

import io.trailwatch.pattern.PatternKind;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pattern.PatternTestResult;
import io.trailwatch.pattern.PatternTestRunner;
import io.trailwatch.pattern.PatternValidationException;
import io.trailwatch.pattern.PipelineDetector;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code patterns validate PATH} and {@code patterns test PATH} (DESIGN §7). */
public final class PatternsCommand {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT =
            String.join(
                    "\n",
                    "Usage: trailwatch patterns validate PATH",
                    "       trailwatch patterns test PATH",
                    "",
                    "  validate  check pattern files (a .yaml/.yml file or a directory of them)",
                    "            and print every problem with its file and line",
                    "  test      validate, then run the tests each pattern carries through the",
                    "            detection pipeline and report which pass",
                    "",
                    "Exit status: 0 all valid (and passing), 1 a problem or failing test, 2 usage.");

    private PatternsCommand() {}

    /**
     * Runs a {@code patterns} subcommand.
     *
     * @param args the words after {@code patterns}: {@code validate PATH} or {@code test PATH}
     * @return the exit status: 0 success, 1 invalid patterns or failing tests, 2 usage error
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, PatternsCommand::pipelineDetector);
    }

    static int run(String[] args, PrintStream out, PrintStream err, DetectorFactory detectors) {
        if (args.length != 2 || !List.of("validate", "test").contains(args[0])) {
            err.println(USAGE_TEXT);
            return USAGE;
        }
        Path path = Path.of(args[1]);
        PatternSet set;
        try {
            set = PatternLoader.load(path);
        } catch (PatternValidationException e) {
            e.printTo(err, path);
            return FAILED;
        }
        if (args[0].equals("validate")) {
            out.println("OK: " + summary(set) + " in " + path);
            return OK;
        }
        return test(set, out, err, detectors);
    }

    private static int test(
            PatternSet set, PrintStream out, PrintStream err, DetectorFactory detectors) {
        List<PatternTestResult> results;
        try {
            results = new PatternTestRunner(detectors.create()).run(set);
        } catch (Exception e) {
            err.println("the pattern tests could not run: " + e);
            return FAILED;
        }
        int failed = PatternTestRunner.report(set, results, out);
        return failed == 0 ? OK : FAILED;
    }

    /** {@code 12 patterns (8 filter, 3 threshold, 1 sequence)}. */
    static String summary(PatternSet set) {
        return set.size()
                + (set.size() == 1 ? " pattern" : " patterns")
                + " ("
                + set.ofKind(PatternKind.FILTER).size()
                + " filter, "
                + set.ofKind(PatternKind.THRESHOLD).size()
                + " threshold, "
                + set.ofKind(PatternKind.SEQUENCE).size()
                + " sequence)";
    }

    /**
     * Results do not depend on parallelism; two subtasks exercise the keying as production does.
     */
    private static PatternTestRunner.Detector pipelineDetector() {
        return new PipelineDetector(2);
    }

    /** Creates the detector that {@code patterns test} runs tests with. */
    @FunctionalInterface
    interface DetectorFactory {
        PatternTestRunner.Detector create();
    }
}
