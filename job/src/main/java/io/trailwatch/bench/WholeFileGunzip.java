package io.trailwatch.bench;

import io.trailwatch.cloudtrail.ReadLimits;
import io.trailwatch.cloudtrail.WholeGzip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decompression alone as {@code LogFileReader} decompresses: the whole file in one call with the
 * decoder it uses ({@link WholeGzip}, ISA-L where it loads). Beside {@link GunzipOnly}, it shows
 * how much of the reader's lead comes from decompressing faster rather than parsing faster.
 */
final class WholeFileGunzip implements ParseContender {

    /** For files the one-call decoder does not take; LogFileReader streams those too. */
    private final GunzipOnly streaming = new GunzipOnly();

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
        return streaming.read(file);
    }

    @Override
    public boolean countsRecords() {
        return false;
    }
}
