package io.trailwatch.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.trailwatch.testing.OutputDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * What {@code run} wrote below {@code output.path}: every committed file with its row count, the
 * events counted per dimension (each dimension counts every record once), and the busiest event
 * names of the hourly aggregates.
 */
final class OutputReport {

    private static final String EVENT_NAME = "eventName";
    private static final int TOP_ROWS = 5;

    /** Committed files, relative to the output directory, in path order. */
    final List<Path> files;

    /** Sum of {@code events} per dimension of the hourly aggregates. */
    final Map<String, Long> hourlyTotals;

    /** Alerts in the alert archive. */
    final int archivedAlerts;

    /** Records behind the watermark, in the late-record output. */
    final int lateRecords;

    private final Path base;
    private final OutputDirectory output;

    OutputReport(Path base) throws IOException {
        this.base = base;
        this.output = new OutputDirectory(base);
        this.files = committedFiles(base);
        this.hourlyTotals = output.aggregateTotals("hour");
        this.archivedAlerts = output.lines("alerts").size();
        this.lateRecords = output.lines("late").size();
    }

    void print(PrintStream out) throws IOException {
        out.println("Files written below " + base + ":");
        for (Path file : files) {
            out.printf("  %-90s %6d rows%n", file, rowCount(base.resolve(file)));
        }
        out.println();
        out.println(
                "Events per dimension, hourly aggregates (each dimension counts every record):");
        hourlyTotals.forEach((dimension, events) -> out.printf("  %-14s %6d%n", dimension, events));
        out.println();
        out.println("Busiest event names (hourly aggregates):");
        busiest(EVENT_NAME)
                .forEach(
                        row ->
                                out.printf(
                                        "  %s  %-40s %5d events, %3d errors%n",
                                        row.path("windowStart").asText(),
                                        row.path("value").asText(),
                                        row.path("events").asLong(),
                                        row.path("errors").asLong()));
        out.println();
        out.printf("Alert archive: %d alerts. Late records: %d.%n", archivedAlerts, lateRecords);
    }

    private List<JsonNode> busiest(String dimension) throws IOException {
        return output.lines("aggregates/hour").stream()
                .filter(row -> dimension.equals(row.path("dimension").asText()))
                .sorted(
                        Comparator.comparingLong((JsonNode row) -> row.path("events").asLong())
                                .reversed())
                .limit(TOP_ROWS)
                .toList();
    }

    /** In-progress and pending files start with '.'; only committed ones count. */
    private static List<Path> committedFiles(Path base) throws IOException {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(base)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> !path.getFileName().toString().startsWith("."))
                    .map(base::relativize)
                    .sorted()
                    .toList();
        }
    }

    private static long rowCount(Path file) throws IOException {
        try (InputStream in =
                file.toString().endsWith(".gz")
                        ? new GZIPInputStream(Files.newInputStream(file))
                        : Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank())
                    .count();
        }
    }
}
