package io.trailwatch.bench;

import io.trailwatch.cloudtrail.LogFileReader;
import io.trailwatch.cloudtrail.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code .json.gz} files of a benchmark corpus, with their size and record count measured by
 * reading them once (which also brings them into the page cache before anything is timed).
 */
record Corpus(
        Path directory,
        List<Path> files,
        long records,
        long uncompressedBytes,
        long compressedBytes) {

    static Corpus scan(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(file -> file.getFileName().toString().endsWith(".json.gz"))
                            .sorted()
                            .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (files.isEmpty()) {
            throw new IOException("no .json.gz files under " + directory);
        }
        long records = 0;
        long uncompressed = 0;
        long compressed = 0;
        for (Path file : files) {
            compressed += Files.size(file);
            try (InputStream in = Files.newInputStream(file);
                    LogFileReader reader =
                            LogFileReader.open(in, file.toString(), ReadLimits.DEFAULTS)) {
                while (reader.next() != null) {
                    records++;
                }
                uncompressed += reader.uncompressedBytesRead();
            }
        }
        return new Corpus(directory, List.copyOf(files), records, uncompressed, compressed);
    }

    /** Every {@code stride}-th file, so a sample spans all accounts, regions and times. */
    List<Path> sample(int stride) {
        return java.util.stream.IntStream.range(0, files.size())
                .filter(i -> i % stride == 0)
                .mapToObj(files::get)
                .collect(Collectors.toList());
    }

    /** The smallest file, for measuring what a pipeline run costs before any data. */
    Path smallestFile() throws IOException {
        Path smallest = files.get(0);
        for (Path file : files) {
            if (Files.size(file) < Files.size(smallest)) {
                smallest = file;
            }
        }
        return smallest;
    }
}
