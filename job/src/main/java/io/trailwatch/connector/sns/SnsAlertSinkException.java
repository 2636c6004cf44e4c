package io.trailwatch.connector.sns;

/** A failure of the SNS alert sink that retrying cannot fix; it fails the job. */
public class SnsAlertSinkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SnsAlertSinkException(String message) {
        super(message);
    }

    public SnsAlertSinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
