package io.trailwatch.pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A parser that remembers the line of the first token at each JSON pointer (a field's key, a list
 * item) while a tree is read through it, so problems found later in the tree can name their line.
 */
final class LineRecordingParser extends JsonParserDelegate {

    private final Map<String, Integer> lines = new HashMap<>();

    LineRecordingParser(JsonParser parser) {
        super(parser);
    }

    /** Lines by JSON pointer, relative to the current root value. */
    Map<String, Integer> lines() {
        return lines;
    }

    /** Forgets the lines of the previous root value. */
    void clearLines() {
        lines.clear();
    }

    @Override
    public JsonToken nextToken() throws IOException {
        JsonToken token = super.nextToken();
        if (token != null) {
            lines.putIfAbsent(
                    getParsingContext().pathAsPointer().toString(),
                    currentTokenLocation().getLineNr());
        }
        return token;
    }
}
