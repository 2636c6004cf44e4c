package io.trailwatch.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
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

/**
 * The finished files below an output base path, by path relative to it (in-progress files, whose
 * names start with a dot, are left out as Athena leaves them out), each as its JSON lines.
 */
final class WrittenOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    final Map<String, List<JsonNode>> files = new TreeMap<>();

    static WrittenOutput ofDirectory(Path base) throws IOException {
        WrittenOutput output = new WrittenOutput();
        try (Stream<Path> paths = Files.walk(base)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                output.add(
                        base.relativize(file).toString().replace('\\', '/'),
                        Files.readAllBytes(file));
            }
        }
        return output;
    }

    void add(String relativePath, byte[] content) {
        String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
        if (name.startsWith(".") || name.startsWith("_")) {
            return;
        }
        String text = relativePath.endsWith(".gz") ? gunzip(content) : utf8(content);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(parse(line));
            }
        }
        files.put(relativePath, lines);
    }

    /** The lines of the files whose path starts with {@code prefix}. */
    List<JsonNode> lines(String prefix) {
        return files.entrySet().stream()
                .filter(file -> file.getKey().startsWith(prefix))
                .flatMap(file -> file.getValue().stream())
                .toList();
    }

    /** Sum of {@code events} per dimension of one granularity's aggregate rows. */
    Map<String, Long> aggregateTotals(String granularity) {
        return lines("aggregates/" + granularity + "/").stream()
                .collect(
                        Collectors.groupingBy(
                                row -> row.get("dimension").asText(),
                                TreeMap::new,
                                Collectors.summingLong(row -> row.get("events").asLong())));
    }

    /** Every file lies in the partition of the time its lines carry in {@code timeField}. */
    void assertPartitionedBy(String prefix, String timeField) {
        files.forEach(
                (path, lines) -> {
                    if (!path.startsWith(prefix)) {
                        return;
                    }
                    assertThat(path).matches(prefix + "dt=\\d{4}-\\d{2}-\\d{2}/hour=\\d{2}/[^/]+");
                    for (JsonNode line : lines) {
                        String time = line.get(timeField).asText();
                        String partition =
                                "dt=" + time.substring(0, 10) + "/hour=" + time.substring(11, 13);
                        assertThat(path).as(timeField + " " + time).startsWith(prefix + partition);
                    }
                });
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gunzip(byte[] content) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            return utf8(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] content) {
        return new String(content, StandardCharsets.UTF_8);
    }
}
