package io.trailwatch.ingest;

import java.io.IOException;

/** A log file's content cannot be read (not gzip, truncated, not JSON, over a limit). */
public final class CorruptLogFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptLogFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
