package io.trailwatch.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The practical limit of reading CloudTrail on the JVM: gunzip and step over every JSON token with
 * Jackson's streaming parser, building nothing. Any real parser does at least this.
 */
final class TokenWalkBaseline implements ParseContender {

    private static final int BUFFER_BYTES = 64 * 1024;
    private final JsonFactory json = new JsonFactory();

    @Override
    public String name() {
        return "baseline: gunzip + Jackson token walk";
    }

    @Override
    public long read(Path file) throws IOException {
        long tokens = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), BUFFER_BYTES);
                JsonParser parser = json.createParser(in)) {
            while (parser.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    @Override
    public boolean countsRecords() {
        return false;
    }
}
