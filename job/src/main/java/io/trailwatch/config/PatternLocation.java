package io.trailwatch.config;

import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pattern.PatternValidationException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code run} takes its pattern set from (option {@code patterns.location}): a classpath
 * directory ({@code classpath:patterns} is the pack bundled in the jar) or a local file or
 * directory. The set is loaded once, at start-up, on the client.
 */
public final class PatternLocation {

    public static final String BUNDLED = "classpath:patterns";
    private static final String CLASSPATH = "classpath:";

    private final String text;

    private PatternLocation(String text) {
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException saying what to write instead, for a location that cannot be
     *     read
     */
    public static PatternLocation parse(String text) {
        String location = text == null ? "" : text.trim();
        if (location.isEmpty()) {
            throw new IllegalArgumentException(
                    "is empty; write " + BUNDLED + " or a local file or directory");
        }
        if (location.startsWith("s3://")) {
            throw new IllegalArgumentException(
                    "loading patterns from S3 is not supported yet; copy the pattern files to a"
                            + " local directory, or use "
                            + BUNDLED);
        }
        if (location.startsWith(CLASSPATH)) {
            if (location.length() == CLASSPATH.length()) {
                throw new IllegalArgumentException(
                        "names no classpath directory; write e.g. " + BUNDLED);
            }
        } else if (location.matches("[a-zA-Z][a-zA-Z0-9+.-]+://.*")) {
            throw new IllegalArgumentException(
                    "'"
                            + location
                            + "' has an unsupported scheme; write "
                            + BUNDLED
                            + " or a local path");
        } else if (!Files.exists(Path.of(location))) {
            throw new IllegalArgumentException(
                    "no such file or directory: " + Path.of(location).toAbsolutePath());
        }
        return new PatternLocation(location);
    }

    /**
     * @throws PatternValidationException naming each problem's file and line
     */
    public PatternSet load() throws PatternValidationException {
        if (text.startsWith(CLASSPATH)) {
            return PatternLoader.loadResource(
                    text.substring(CLASSPATH.length()), PatternLocation.class.getClassLoader());
        }
        return PatternLoader.load(Path.of(text));
    }

    @Override
    public String toString() {
        return text;
    }
}
