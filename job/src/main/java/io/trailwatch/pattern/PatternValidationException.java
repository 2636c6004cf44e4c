package io.trailwatch.pattern;

import java.util.List;
import java.util.stream.Collectors;

/** A pattern set that does not validate; it is rejected as a whole, with every problem found. */
public final class PatternValidationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<Problem> problems;

    public PatternValidationException(List<Problem> problems) {
        super(describe(problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        return problems.size()
                + (problems.size() == 1 ? " problem" : " problems")
                + " in the pattern set:\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
    }

    /**
     * Prints every problem, one per line, then a line saying nothing was loaded from {@code
     * source}.
     */
    public void printTo(java.io.PrintStream err, Object source) {
        for (Problem problem : problems()) {
            err.println(problem);
        }
        int count = problems().size();
        err.println(
                count
                        + (count == 1 ? " problem" : " problems")
                        + " in "
                        + source
                        + "; nothing was loaded");
    }
}
