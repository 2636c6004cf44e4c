package io.trailwatch.ingest;

import java.util.List;

/**
 * What one SQS message body says, whatever its shape: the objects it names, or that it needs only
 * to be acknowledged, or that it could not be understood.
 */
public final class Notification {

    /** What the source does with the message. */
    public enum Disposition {
        /** Read the named objects, then delete the message. */
        READ_OBJECTS,
        /** Nothing to read (test event, subscription confirmation): delete the message. */
        ACKNOWLEDGE,
        /** Not understood: leave the message for the queue's redrive policy. */
        UNPARSEABLE
    }

    private final Disposition disposition;
    private final String shape;
    private final List<S3ObjectRef> objects;

    private Notification(Disposition disposition, String shape, List<S3ObjectRef> objects) {
        this.disposition = disposition;
        this.shape = shape;
        this.objects = List.copyOf(objects);
    }

    static Notification objects(String shape, List<S3ObjectRef> objects) {
        return new Notification(Disposition.READ_OBJECTS, shape, objects);
    }

    static Notification acknowledge(String shape) {
        return new Notification(Disposition.ACKNOWLEDGE, shape, List.of());
    }

    static Notification unparseable(String reason) {
        return new Notification(Disposition.UNPARSEABLE, reason, List.of());
    }

    public Disposition disposition() {
        return disposition;
    }

    /** The detected shape, e.g. {@code "CloudTrail via SNS"}; for UNPARSEABLE, the reason. */
    public String shape() {
        return shape;
    }

    /** The named objects in message order; empty unless READ_OBJECTS. */
    public List<S3ObjectRef> objects() {
        return objects;
    }

    @Override
    public String toString() {
        return disposition + " (" + shape + ") " + objects;
    }
}
