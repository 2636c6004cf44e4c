package io.trailwatch.ingest;

/**
 * An object could not be fetched. {@link #retryable()} says whether trying again can help
 * (throttling, 5xx, I/O) or not (no such key, access denied, corrupt content).
 */
public final class FetchException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    private FetchException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    public static FetchException retryable(String message, Throwable cause) {
        return new FetchException(message, cause, true);
    }

    public static FetchException permanent(String message, Throwable cause) {
        return new FetchException(message, cause, false);
    }

    public boolean retryable() {
        return retryable;
    }
}
