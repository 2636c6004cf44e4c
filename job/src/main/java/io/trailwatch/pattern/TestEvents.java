package io.trailwatch.pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailwatch.cloudtrail.EventTimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CloudTrail records of a pattern test, inline or from a file, checked and kept as JSON text.
 */
final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {}

    /**
     * What is wrong with one test record, or null if it is a JSON object with an ISO-8601
     * eventTime.
     */
    static String problem(JsonNode event) {
        if (!event.isObject()) {
            return "is not a JSON object; a test event is one CloudTrail record {\"eventTime\": ...}";
        }
        JsonNode time = event.get("eventTime");
        if (time == null || time.isNull()) {
            return "has no eventTime; add one, e.g. \"eventTime\": \"2024-01-01T12:00:00Z\"";
        }
        if (!time.isTextual() || EventTimes.parse(time.asText()) == EventTimes.INVALID) {
            return "has eventTime "
                    + time
                    + ", which is not an ISO-8601 time; write e.g. \"2024-01-01T12:00:00Z\"";
        }
        return null;
    }

    static String toJson(JsonNode event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }

    /**
     * Reads a file of records: a JSON array, a CloudTrail log {@code {"Records":[...]}}, or one
     * record per line. Problems name the file and line; returns null if there were any.
     *
     * @param displayName the file as messages name it
     */
    static List<String> readFile(Path file, String displayName, List<Problem> problems) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return null; // the caller names the test that refers to it
        } catch (IOException e) {
            problems.add(new Problem(new SourceLocation(displayName, 0), "cannot read: " + e));
            return null;
        }
        List<LocatedNode> records = new ArrayList<>();
        try (LineRecordingParser parser =
                new LineRecordingParser(JSON.getFactory().createParser(text))) {
            List<LocatedNode> roots = new ArrayList<>();
            while (true) {
                parser.clearLines();
                if (parser.nextToken() == null) {
                    break;
                }
                JsonNode root = JSON.readTree(parser);
                roots.add(new LocatedNode(root, new HashMap<>(parser.lines())));
            }
            if (roots.size() == 1 && roots.get(0).node().isArray()) {
                records.addAll(roots.get(0).elements(""));
            } else if (roots.size() == 1 && roots.get(0).node().path("Records").isArray()) {
                records.addAll(roots.get(0).elements("/Records"));
            } else {
                records.addAll(roots);
            }
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(
                    new Problem(
                            new SourceLocation(displayName, line),
                            "not valid JSON: " + e.getOriginalMessage()));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(new SourceLocation(displayName, 0), "cannot read: " + e));
            return null;
        }
        if (records.isEmpty()) {
            problems.add(
                    new Problem(
                            new SourceLocation(displayName, 0),
                            "holds no records; write a JSON array of CloudTrail records,"
                                    + " {\"Records\": [...]}, or one record per line"));
            return null;
        }
        List<String> events = new ArrayList<>();
        boolean valid = true;
        for (int i = 0; i < records.size(); i++) {
            LocatedNode record = records.get(i);
            String problem = problem(record.node());
            if (problem != null) {
                problems.add(
                        new Problem(
                                new SourceLocation(displayName, record.line()),
                                "record " + (i + 1) + " " + problem));
                valid = false;
            } else {
                events.add(toJson(record.node()));
            }
        }
        return valid ? events : null;
    }

    /** A JSON value with the lines of its nodes by pointer (relative to its file's root value). */
    private record LocatedNode(JsonNode node, Map<String, Integer> lines, String pointer) {

        LocatedNode(JsonNode node, Map<String, Integer> lines) {
            this(node, lines, "");
        }

        int line() {
            return lines.getOrDefault(pointer, 0);
        }

        List<LocatedNode> elements(String arrayPointer) {
            JsonNode array = arrayPointer.isEmpty() ? node : node.at(arrayPointer);
            List<LocatedNode> elements = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                elements.add(new LocatedNode(array.get(i), lines, arrayPointer + "/" + i));
            }
            return elements;
        }
    }
}
