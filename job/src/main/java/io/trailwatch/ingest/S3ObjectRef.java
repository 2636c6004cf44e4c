package io.trailwatch.ingest;

import java.io.Serializable;
import java.util.Objects;

/** One object named by a notification: bucket and (decoded) key. */
public final class S3ObjectRef implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String bucket;
    private final String key;

    public S3ObjectRef(String bucket, String key) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = Objects.requireNonNull(key, "key");
    }

    public String bucket() {
        return bucket;
    }

    public String key() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof S3ObjectRef
                && bucket.equals(((S3ObjectRef) o).bucket)
                && key.equals(((S3ObjectRef) o).key);
    }

    @Override
    public int hashCode() {
        return 31 * bucket.hashCode() + key.hashCode();
    }

    /** {@code s3://bucket/key}, the origin written on records and in log messages. */
    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
