package io.trailwatch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Decompression alone with the JDK's {@link GZIPInputStream}, the floor under every parser of
 * {@code .json.gz} files that reads them as the JDK offers: the time a parser spends above it is
 * the time its parsing costs.
 */
final class GunzipOnly implements ParseContender {

    private static final int BUFFER_BYTES = 64 * 1024;
    private final byte[] buffer = new byte[BUFFER_BYTES];

    @Override
    public String name() {
        return "floor: gunzip only (JDK GZIPInputStream)";
    }

    @Override
    public long read(Path file) throws IOException {
        long bytes = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), BUFFER_BYTES)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes += n;
            }
        }
        return bytes;
    }

    @Override
    public boolean countsRecords() {
        return false;
    }
}
