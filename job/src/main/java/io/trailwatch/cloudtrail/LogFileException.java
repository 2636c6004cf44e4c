package io.trailwatch.cloudtrail;

import java.io.IOException;

/**
 * A log file that cannot be read as CloudTrail because of its content: not gzip or JSON, truncated,
 * over a {@link ReadLimits limit}, or shaped unlike a log file. Reading it again will not help, so
 * callers report it rather than retry; any other {@link IOException} from {@link LogFileReader}
 * comes from the underlying stream (network, file system) and may be worth a retry.
 *
 * <p>The message names the file and says what is wrong and what was expected.
 */
public class LogFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String origin;
    private final String problem;

    public LogFileException(String origin, String problem) {
        this(origin, problem, null);
    }

    public LogFileException(String origin, String problem, Throwable cause) {
        super(origin + ": " + problem, cause);
        this.origin = origin;
        this.problem = problem;
    }

    /** The file ({@code s3://bucket/key} or a local path). */
    public String origin() {
        return origin;
    }

    /** What is wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
