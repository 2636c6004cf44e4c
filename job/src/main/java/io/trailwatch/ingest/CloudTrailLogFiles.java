package io.trailwatch.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.RecordFlattener;
import io.trailwatch.cloudtrail.RecordFormatException;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * The seam between ingest and the log-file format: which object keys are CloudTrail log files, and
 * how one is read as a stream of records.
 */
public final class CloudTrailLogFiles {

    private static final Pattern LOG_FILE_KEY =
            Pattern.compile(
                    "(?:^|.*/)AWSLogs/(?:o-[a-z0-9]+/)?(\\d{12})/CloudTrail/([a-z0-9-]+)/"
                            + "\\d{4}/\\d{2}/\\d{2}/\\1_CloudTrail_\\2_\\d{8}T\\d{4}Z_[A-Za-z0-9]+"
                            + "\\.json\\.gz");

    private static final JsonFactory JSON = new JsonFactory();

    private CloudTrailLogFiles() {}

    /** True for CloudTrail log files; false for digests, Insights files and foreign keys. */
    public static boolean isLogFile(String key) {
        return LOG_FILE_KEY.matcher(key).matches();
    }

    /** Starts reading a gzip-compressed CloudTrail log file ({@code {"Records": [..]}}). */
    public static RecordStream open(InputStream raw, String origin, FileLimits limits)
            throws IOException {
        return new GzipRecordStream(raw, origin, limits);
    }

    private static final class GzipRecordStream implements RecordStream {
        private final CountingInputStream counted;
        private final String origin;
        private final long maxDecompressedBytes;
        private final RecordFlattener flattener;
        private JsonParser parser;
        private boolean finished;

        GzipRecordStream(InputStream raw, String origin, FileLimits limits) throws IOException {
            this.origin = origin;
            this.maxDecompressedBytes = limits.maxDecompressedBytes();
            this.flattener = new RecordFlattener(limits.maxNestingDepth(), 100_000);
            try {
                this.counted = new CountingInputStream(new GZIPInputStream(raw, 64 * 1024));
            } catch (ZipException | EOFException e) {
                throw new CorruptLogFileException(origin + " is not gzip-compressed", e);
            }
        }

        @Override
        public CloudTrailRecord next() throws IOException {
            if (finished) {
                return null;
            }
            try {
                if (parser == null) {
                    parser = JSON.createParser(counted);
                    enterRecordsArray();
                }
                JsonToken token = parser.nextToken();
                checkSize();
                if (token == JsonToken.END_ARRAY) {
                    finished = true;
                    return null;
                }
                if (token != JsonToken.START_OBJECT) {
                    throw corrupt("a record in Records is not a JSON object", null);
                }
                CloudTrailRecord record = flattener.flatten(parser, origin);
                checkSize();
                return record;
            } catch (JsonProcessingException | RecordFormatException e) {
                throw corrupt("is not a readable CloudTrail log file: " + e.getMessage(), e);
            } catch (ZipException | EOFException e) {
                throw corrupt("is truncated or not valid gzip: " + e.getMessage(), e);
            }
        }

        private void enterRecordsArray() throws IOException {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw corrupt("does not start with a JSON object", null);
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("Records".equals(name) && value == JsonToken.START_ARRAY) {
                    return;
                }
                parser.skipChildren();
            }
            throw corrupt("has no Records array", null);
        }

        private void checkSize() throws CorruptLogFileException {
            if (counted.count() > maxDecompressedBytes) {
                throw corrupt("decompresses to more than " + maxDecompressedBytes + " bytes", null);
            }
        }

        private CorruptLogFileException corrupt(String what, Throwable cause) {
            finished = true;
            return new CorruptLogFileException(origin + " " + what, cause);
        }

        @Override
        public long uncompressedBytesRead() {
            return counted.count();
        }

        @Override
        public void close() throws IOException {
            if (parser != null) {
                parser.close();
            }
            counted.close();
        }
    }

    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
