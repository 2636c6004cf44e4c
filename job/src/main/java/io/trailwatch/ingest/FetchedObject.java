package io.trailwatch.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/** An object whose body is being received: read {@link #body()} once, then close. */
public final class FetchedObject implements Closeable {

    private final InputStream body;
    private final String eTag;
    private final long contentLength;

    public FetchedObject(InputStream body, String eTag, long contentLength) {
        this.body = body;
        this.eTag = eTag == null ? "" : eTag;
        this.contentLength = contentLength;
    }

    public InputStream body() {
        return body;
    }

    /** The object's ETag as S3 returns it (quotes included), or empty if unknown. */
    public String eTag() {
        return eTag;
    }

    public long contentLength() {
        return contentLength;
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
