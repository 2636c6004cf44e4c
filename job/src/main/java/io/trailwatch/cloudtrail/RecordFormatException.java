package io.trailwatch.cloudtrail;

/** A record or log file that cannot be read as CloudTrail; the message says why. */
public class RecordFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RecordFormatException(String message) {
        super(message);
    }

    public RecordFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
