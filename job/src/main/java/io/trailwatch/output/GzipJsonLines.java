package io.trailwatch.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.apache.flink.api.common.serialization.BulkWriter;
import org.apache.flink.core.fs.FSDataOutputStream;

/**
 * Gzip-compressed JSON Lines as a bulk format: one gzip stream per part file, finished when the
 * part file is closed. (A row format could only gzip each line on its own, which compresses
 * nothing.) Athena, Spark and {@code zcat} read the files as they are.
 */
final class GzipJsonLines<T> implements BulkWriter.Factory<T> {

    private static final long serialVersionUID = 1L;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final JsonLine<T> json;

    GzipJsonLines(JsonLine<T> json) {
        this.json = json;
    }

    @Override
    public BulkWriter<T> create(FSDataOutputStream out) throws IOException {
        return new Writer<>(new GZIPOutputStream(out, BUFFER_BYTES), json);
    }

    private static final class Writer<T> implements BulkWriter<T> {
        private final GZIPOutputStream gzip;
        private final JsonLine<T> json;

        Writer(GZIPOutputStream gzip, JsonLine<T> json) {
            this.gzip = gzip;
            this.json = json;
        }

        @Override
        public void addElement(T element) throws IOException {
            gzip.write(json.toJson(element).getBytes(StandardCharsets.UTF_8));
            gzip.write('\n');
        }

        @Override
        public void flush() throws IOException {
            gzip.flush();
        }

        @Override
        public void finish() throws IOException {
            // Writes the gzip trailer; the part file's stream is closed by the sink, not here.
            gzip.finish();
        }
    }
}
