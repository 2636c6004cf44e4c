package io.trailwatch.deploy;

import io.trailwatch.pipeline.RepositoryFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The job's main source code as text, so deployment files can be checked against what the code
 * really reads and calls: option keys, AWS SDK calls, class names.
 */
final class JobSources {

    private static final Pattern OPTION_KEY =
            Pattern.compile("ConfigOptions\\s*\\.key\\(\\s*\"([^\"]+)\"\\s*\\)");

    private static String text;

    private JobSources() {}

    /** All of {@code job/src/main/java}, concatenated. */
    static synchronized String text() {
        if (text == null) {
            Path main = RepositoryFiles.root().resolve("job/src/main/java");
            try (Stream<Path> files = Files.walk(main)) {
                text =
                        files.filter(file -> file.toString().endsWith(".java"))
                                .sorted()
                                .map(JobSources::read)
                                .collect(Collectors.joining("\n"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return text;
    }

    /** Every option key the job defines with {@code ConfigOptions.key(…)}. */
    static Set<String> optionKeys() {
        Set<String> keys = new TreeSet<>();
        Matcher matcher = OPTION_KEY.matcher(text());
        while (matcher.find()) {
            keys.add(matcher.group(1));
        }
        return keys;
    }

    static boolean contains(String snippet) {
        return text().contains(snippet);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
