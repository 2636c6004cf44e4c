package io.trailwatch.ingest;

/** Starts reading one S3 object. Implementations classify failures as retryable or not. */
public interface S3ObjectFetcher extends AutoCloseable {

    /**
     * Opens the object's body.
     *
     * @param requiredETag when not {@code null}, the object must still have this ETag (a retry
     *     after a broken download must read the same content again)
     */
    FetchedObject open(S3ObjectRef object, String requiredETag) throws FetchException;

    @Override
    default void close() {}
}
