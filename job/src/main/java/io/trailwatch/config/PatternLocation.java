package io.trailwatch.config;

import io.trailwatch.aws.AwsClientSettings;
import io.trailwatch.aws.AwsClients;
import io.trailwatch.pattern.PatternLoader;
import io.trailwatch.pattern.PatternSet;
import io.trailwatch.pattern.PatternSources;
import io.trailwatch.pattern.PatternValidationException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where {@code run} takes its pattern set from (option {@code patterns.location}): a classpath
 * directory ({@code classpath:patterns} is the pack bundled in the jar), a local file or directory,
 * or an S3 prefix or object ({@code s3://bucket/prefix/}, loaded by {@link PatternSources}). The
 * set is loaded once, at start-up, on the client.
 */
public final class PatternLocation {

    public static final String BUNDLED = "classpath:patterns";
    private static final String CLASSPATH = "classpath:";

    private static final String S3 = PatternSources.S3_SCHEME;

    private final String text;
    private final AwsClientSettings s3;

    private PatternLocation(String text, AwsClientSettings s3) {
        this.text = text;
        this.s3 = s3;
    }

    /** As {@link #parse(String, AwsClientSettings)} with the SDK's default region chain for S3. */
    public static PatternLocation parse(String text) {
        return parse(text, AwsClientSettings.forRegion(null));
    }

    /**
     * @throws IllegalArgumentException saying what to write instead, for a location that cannot be
     *     read
     */
    public static PatternLocation parse(String text, AwsClientSettings s3) {
        String location = text == null ? "" : text.trim();
        if (location.isEmpty()) {
            throw new IllegalArgumentException(
                    "is empty; write " + BUNDLED + " or a local file or directory");
        }
        if (location.startsWith(S3)) {
            if (location.length() == S3.length() || location.charAt(S3.length()) == '/') {
                throw new IllegalArgumentException(
                        "names no bucket; write it like s3://my-bucket/patterns/");
            }
        } else if (location.startsWith(CLASSPATH)) {
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
        return new PatternLocation(location, s3);
    }

    /**
     * @throws PatternValidationException naming each problem's file and line
     */
    public PatternSet load() throws PatternValidationException {
        if (text.startsWith(S3)) {
            return PatternSources.load(text, AwsClients.s3(s3));
        }
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
