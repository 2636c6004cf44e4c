package io.trailwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/** The committed files {@code output.path} holds after a run, read as JSON Lines. */
public final class OutputDirectory {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path base;

    public OutputDirectory(Path base) {
        this.base = base;
    }

    /** The lines of the committed files below {@code folder} (in-progress files start with '.'). */
    public List<JsonNode> lines(String folder) throws IOException {
        Path root = base.resolve(folder);
        List<JsonNode> lines = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return lines;
        }
        List<Path> files;
        try (Stream<Path> paths = Files.walk(root)) {
            files =
                    paths.filter(Files::isRegularFile)
                            .filter(path -> !path.getFileName().toString().startsWith("."))
                            .toList();
        }
        for (Path file : files) {
            for (String line : text(file).split("\n")) {
                if (!line.isBlank()) {
                    lines.add(MAPPER.readTree(line));
                }
            }
        }
        return lines;
    }

    /** Sum of {@code events} per dimension over the aggregate rows of one window size. */
    public Map<String, Long> aggregateTotals(String granularity) throws IOException {
        return lines("aggregates/" + granularity).stream()
                .collect(
                        Collectors.groupingBy(
                                row -> row.get("dimension").asText(),
                                TreeMap::new,
                                Collectors.summingLong(row -> row.get("events").asLong())));
    }

    private static String text(Path file) throws IOException {
        try (InputStream in =
                file.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(file))
                        : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
