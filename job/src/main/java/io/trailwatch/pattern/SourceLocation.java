package io.trailwatch.pattern;

import java.io.Serializable;

/** Where something was defined, for error messages: {@code patterns/root.yaml:12}. */
public record SourceLocation(String file, int line) implements Serializable {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
