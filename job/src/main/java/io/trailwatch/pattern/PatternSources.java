package io.trailwatch.pattern;

import io.trailwatch.aws.AwsClientSettings;
import io.trailwatch.aws.AwsClients;
import io.trailwatch.aws.S3ClientProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where a pattern set comes from: the pack bundled in the jar ({@code classpath:patterns}), a local
 * file or directory, or an S3 prefix ({@code s3://bucket/prefix/}) or object ({@code
 * s3://bucket/prefix/rules.yaml}). S3 objects are copied to a temporary directory (pattern files
 * together with the test files they name) and loaded with {@link PatternLoader}, so every source is
 * validated the same way and problems name the S3 location.
 */
public final class PatternSources {

    public static final String CLASSPATH_SCHEME = "classpath:";
    public static final String S3_SCHEME = "s3://";

    /** A pattern prefix is a few dozen small files; more points at the wrong prefix. */
    static final int MAX_OBJECTS = 2_000;

    static final long MAX_TOTAL_BYTES = 64L * 1024 * 1024;

    private PatternSources() {}

    /** Loads from {@code location}; S3 is reached with the default client settings. */
    public static PatternSet load(String location) throws PatternValidationException {
        return load(location, AwsClients.s3(AwsClientSettings.forRegion(null)));
    }

    /**
     * Loads and validates the pattern set at {@code location}.
     *
     * @param s3 creates the S3 client, used only for {@code s3://} locations
     * @throws PatternValidationException if the set is invalid or cannot be read; problems name
     *     {@code location}
     */
    public static PatternSet load(String location, S3ClientProvider s3)
            throws PatternValidationException {
        if (location == null || location.isBlank()) {
            throw problem(
                    "<patterns>",
                    "no pattern location given; name classpath:patterns, a local path or"
                            + " s3://bucket/prefix/");
        }
        String trimmed = location.trim();
        if (trimmed.startsWith(CLASSPATH_SCHEME)) {
            String directory = trimmed.substring(CLASSPATH_SCHEME.length()).replaceAll("^/+", "");
            return PatternLoader.loadResource(directory, PatternSources.class.getClassLoader());
        }
        if (trimmed.startsWith(S3_SCHEME)) {
            return loadS3(S3Location.parse(trimmed), s3);
        }
        return PatternLoader.load(Path.of(trimmed));
    }

    private static PatternSet loadS3(S3Location location, S3ClientProvider provider)
            throws PatternValidationException {
        Path directory;
        try {
            directory = Files.createTempDirectory("trailwatch-patterns-");
        } catch (IOException e) {
            throw problem(location.toString(), "cannot create a temporary directory: " + e);
        }
        try (S3Client s3 = provider.createS3Client()) {
            download(s3, location, directory);
            Path target =
                    location.isSingleFile() ? directory.resolve(location.fileName()) : directory;
            try {
                return PatternLoader.load(target);
            } catch (PatternValidationException e) {
                throw renamed(e, directory, location.folderUri());
            }
        } catch (SdkException e) {
            throw problem(
                    location.toString(),
                    "cannot read from S3 ("
                            + e.getMessage()
                            + "); check the bucket and prefix and that the job's role may"
                            + " s3:ListBucket and s3:GetObject there");
        } finally {
            deleteRecursively(directory);
        }
    }

    /** Copies every object under the location's folder, keeping its relative path. */
    private static void download(S3Client s3, S3Location location, Path directory)
            throws PatternValidationException {
        List<S3Object> objects = new ArrayList<>();
        long totalBytes = 0;
        for (S3Object object :
                s3.listObjectsV2Paginator(
                                b -> b.bucket(location.bucket()).prefix(location.folderPrefix()))
                        .contents()) {
            if (object.key().endsWith("/")) {
                continue; // a "folder" marker made by the console
            }
            objects.add(object);
            totalBytes += object.size() == null ? 0 : object.size();
            if (objects.size() > MAX_OBJECTS || totalBytes > MAX_TOTAL_BYTES) {
                throw problem(
                        location.toString(),
                        "holds more than "
                                + MAX_OBJECTS
                                + " objects or "
                                + MAX_TOTAL_BYTES / (1024 * 1024)
                                + " MiB; point at the prefix that holds only the pattern files"
                                + " and their tests");
            }
        }
        for (S3Object object : objects) {
            String relative = object.key().substring(location.folderPrefix().length());
            Path file = directory.resolve(relative).normalize();
            if (!file.startsWith(directory) || relative.isEmpty()) {
                throw problem(
                        S3_SCHEME + location.bucket() + "/" + object.key(),
                        "object key leaves the pattern prefix; rename it");
            }
            try {
                Files.createDirectories(file.getParent());
                try (InputStream body =
                        s3.getObject(b -> b.bucket(location.bucket()).key(object.key()))) {
                    Files.copy(body, file);
                }
            } catch (IOException e) {
                throw problem(
                        S3_SCHEME + location.bucket() + "/" + object.key(),
                        "cannot download: " + e);
            }
        }
    }

    /** Problems found in the temporary copy name the S3 objects instead. */
    private static PatternValidationException renamed(
            PatternValidationException e, Path directory, String folderUri) {
        String local = directory.toString();
        List<Problem> problems = new ArrayList<>();
        for (Problem problem : e.problems()) {
            String file = problem.location().file();
            if (file.startsWith(local)) {
                String rest = file.substring(local.length()).replace('\\', '/');
                rest = rest.startsWith("/") ? rest.substring(1) : rest;
                file = folderUri + rest;
            }
            problems.add(
                    new Problem(
                            new SourceLocation(file, problem.location().line()),
                            problem.message()));
        }
        return new PatternValidationException(problems);
    }

    private static PatternValidationException problem(String where, String message) {
        return new PatternValidationException(
                List.of(new Problem(new SourceLocation(where, 0), message)));
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(PatternSources::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary directory is harmless.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover temporary file is harmless.
        }
    }

    /**
     * An {@code s3://bucket/key} location: a folder prefix (ends in {@code /}, or names no YAML
     * file) or one pattern file, whose folder is downloaded too for its test files.
     */
    record S3Location(String bucket, String key) {

        static S3Location parse(String uri) throws PatternValidationException {
            String rest = uri.substring(S3_SCHEME.length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw problem(uri, "names no bucket; write it like s3://my-bucket/patterns/");
            }
            return new S3Location(bucket, key);
        }

        boolean isSingleFile() {
            String lower = key.toLowerCase(Locale.ROOT);
            return lower.endsWith(".yaml") || lower.endsWith(".yml");
        }

        /** The prefix whose objects are downloaded, empty or ending in {@code /}. */
        String folderPrefix() {
            if (isSingleFile()) {
                return key.substring(0, key.lastIndexOf('/') + 1);
            }
            return key.isEmpty() || key.endsWith("/") ? key : key + "/";
        }

        String fileName() {
            return key.substring(key.lastIndexOf('/') + 1);
        }

        String folderUri() {
            return S3_SCHEME + bucket + "/" + folderPrefix();
        }

        @Override
        public String toString() {
            return S3_SCHEME + bucket + "/" + key;
        }
    }
}
