package io.trailwatch.config;

import java.io.PrintStream;
import java.util.List;

/** The configuration of {@code run} is wrong; carries every problem found, not just the first. */
public final class InvalidConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final List<ConfigProblem> problems;

    public InvalidConfigException(List<ConfigProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    /** Prints one line per problem, for a person at a terminal or in a log. */
    public void printTo(PrintStream err) {
        err.println(getMessage());
    }

    private static String summary(List<ConfigProblem> problems) {
        StringBuilder text =
                new StringBuilder("invalid configuration (")
                        .append(problems.size())
                        .append(problems.size() == 1 ? " problem):" : " problems):");
        for (ConfigProblem problem : problems) {
            text.append("\n  - ").append(problem);
        }
        return text.toString();
    }
}
