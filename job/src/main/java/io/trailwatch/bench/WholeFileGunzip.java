package io.trailwatch.bench;

import io.trailwatch.cloudtrail.ReadLimits;
import io.trailwatch.cloudtrail.WholeGzip;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Decompression alone as {@code LogFileReader} decompresses: the whole file in one call with the
 * decoder it uses ({@link WholeGzip}, ISA-L where it loads). Beside {@link GunzipOnly}, it shows
 * how much of the reader's lead comes from decompressing faster rather than parsing faster.
 */
final class WholeFileGunzip implements ParseContender {

    private final byte[] buffer = new byte[64 * 1024];

    @Override
    public String name() {
        return "floor: gunzip only (" + WholeGzip.decoderName() + ", whole file)";
    }

    @Override
    public long read(Path file) throws IOException {
        byte[] gzip = Files.readAllBytes(file);
        WholeGzip.Text text =
                WholeGzip.inflate(gzip, gzip.length, ReadLimits.DEFAULTS.maxDecompressedBytes());
        if (text != null) {
            WholeGzip.release(text);
            return text.length();
        }
        // Not a file the one-call decoder takes (LogFileReader streams these too).
        long bytes = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), buffer.length)) {
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
