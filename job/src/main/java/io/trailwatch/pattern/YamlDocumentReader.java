package io.trailwatch.pattern;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.JacksonYAMLParseException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads the YAML documents of one pattern file ({@code ---} separates them) into trees, recording
 * the line of every node as the tree is built.
 */
final class YamlDocumentReader {

    private static final ObjectMapper YAML =
            new ObjectMapper(
                    YAMLFactory.builder()
                            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                            .build());

    /** A condition written without quotes: YAML reads its braces as a mapping. */
    private static final Pattern UNQUOTED_CONDITION =
            Pattern.compile("^\\s*(-\\s*)?filter:\\s*\\{.*");

    private YamlDocumentReader() {}

    /**
     * Returns the file's non-empty documents in order. A syntax error is added to {@code problems}
     * with its line; the documents before it are still returned.
     */
    static List<YamlDocument> read(String text, String file, List<Problem> problems) {
        List<YamlDocument> documents = new ArrayList<>();
        try (LineRecordingParser parser =
                new LineRecordingParser(YAML.getFactory().createParser(reader(text)))) {
            while (true) {
                parser.clearLines();
                if (parser.nextToken() == null) {
                    break;
                }
                JsonNode root = YAML.readTree(parser);
                if (!isEmpty(root)) {
                    documents.add(new YamlDocument(root, file, parser.lines()));
                }
            }
        } catch (JsonProcessingException e) {
            problems.add(syntaxProblem(e, text, file));
        } catch (IOException e) {
            problems.add(new Problem(new SourceLocation(file, 0), "cannot read: " + e));
        }
        return documents;
    }

    /** A document of only comments reads as null or as empty text. */
    private static boolean isEmpty(JsonNode root) {
        return root == null
                || root.isNull()
                || root.isMissingNode()
                || (root.isTextual() && root.asText().isEmpty());
    }

    private static Reader reader(String text) {
        return new StringReader(text);
    }

    private static Problem syntaxProblem(JsonProcessingException e, String text, String file) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        String message = e.getOriginalMessage();
        if (e instanceof JacksonYAMLParseException
                && e.getCause() instanceof MarkedYAMLException marked) {
            message = yamlMessage(marked);
            if (marked.getProblemMark() != null) {
                line = marked.getProblemMark().getLine() + 1;
            }
        } else if (message != null && message.startsWith("Duplicate field")) {
            message = message.replace("Duplicate field", "duplicate field") + "; keep only one";
        }
        String hint = unquotedConditionHint(text, line);
        if (hint.isEmpty()) {
            hint = "; check the indentation, and quote values that contain ': ' or start with {";
        }
        return new Problem(new SourceLocation(file, line), "YAML syntax: " + message + hint);
    }

    private static String yamlMessage(MarkedYAMLException marked) {
        String context = marked.getContext();
        String problem = marked.getProblem();
        if (context == null) {
            return problem;
        }
        String contextLine =
                marked.getContextMark() == null
                        ? ""
                        : " (line " + (marked.getContextMark().getLine() + 1) + ")";
        return context + contextLine + ": " + problem;
    }

    /**
     * Points at the quoting rule when the failing line (or the one before) holds a bare condition.
     */
    private static String unquotedConditionHint(String text, int line) {
        String[] lines = text.split("\n", -1);
        for (int candidate = line; candidate >= Math.max(1, line - 1); candidate--) {
            if (candidate <= lines.length
                    && UNQUOTED_CONDITION.matcher(lines[candidate - 1]).matches()) {
                return "; quote the condition: filter: '{ ($.eventName = \"...\") }'";
            }
        }
        return "";
    }
}
