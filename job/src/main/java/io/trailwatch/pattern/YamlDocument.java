package io.trailwatch.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One YAML document of a pattern file as a tree, with the line on which each node starts, so that
 * every problem can name {@code file:line}.
 *
 * @param lineByPointer line of each node by JSON pointer ({@code /threshold/count}); for a field,
 *     the line of its key
 */
record YamlDocument(JsonNode root, String file, Map<String, Integer> lineByPointer) {

    YamlDocument {
        lineByPointer = Map.copyOf(lineByPointer);
    }

    /** Where the node at {@code pointer} starts; the nearest enclosing node if it has no line. */
    SourceLocation locate(String pointer) {
        String current = pointer;
        while (true) {
            Integer line = lineByPointer.get(current);
            if (line != null) {
                return new SourceLocation(file, line);
            }
            if (current.isEmpty()) {
                return new SourceLocation(file, 0);
            }
            current = current.substring(0, current.lastIndexOf('/'));
        }
    }
}
