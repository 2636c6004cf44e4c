package io.trailwatch.cloudtrail;

/**
 * A record nested deeper than the limit. Unlike a record with too many entries, the rest of the
 * input cannot be trusted to be cheap to skip, so readers treat it as a file-level error.
 */
public final class NestingTooDeepException extends RecordFormatException {
    private static final long serialVersionUID = 1L;

    public NestingTooDeepException(String message) {
        super(message);
    }
}
