package io.trailwatch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.pipeline.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A person following the guides finds every file, command and class they name: paths under deploy/,
 * docs/, patterns/, samples/ and job/ exist (or are what the build makes), jar commands are
 * commands the jar has, and classes named by their full name exist.
 */
class DocumentedPathsTest {

    /** A repository path: not part of a longer path, URL or KEY=VALUE, with a file or a slash. */
    private static final Pattern PATH =
            Pattern.compile(
                    "(?<![\\w/.=:-])((?:deploy|docs|patterns|samples|job)/[A-Za-z0-9_./-]*)");

    private static final Pattern JAR_COMMAND =
            Pattern.compile("trailwatch\\.jar[ \\t]+([a-z]+)(?:[ \\t]+([a-z]+))?");

    private static final Pattern CLASS_NAME =
            Pattern.compile("\\bio\\.trailwatch(?:\\.[a-z]+)+\\.[A-Z]\\w*");

    /**
     * What the build and the commands make under job/target (the jar, the Flink runtime beside it,
     * the bench corpus, the load-test report); guides name them before they exist.
     */
    private static final Set<String> BUILD_OUTPUTS =
            Set.of(
                    "job/target/trailwatch.jar",
                    "job/target/flink-lib/",
                    "job/target/bench-corpus/",
                    "job/target/loadtest-report.txt");

    @Test
    void everyPathTheGuidesNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path guide : guides()) {
            for (String path : paths(Files.readString(guide))) {
                if (!exists(path)) {
                    missing.add(RepositoryFiles.root().relativize(guide) + ": " + path);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyJarCommandTheGuidesUseIsACommandOfTheJar() throws IOException {
        List<String> unknown = new ArrayList<>();
        for (Path guide : guides()) {
            Matcher command = JAR_COMMAND.matcher(Files.readString(guide));
            while (command.find()) {
                String name = command.group(1);
                if ("help".equals(name)) {
                    continue; // handled before the command switch: TrailWatch prints the usage
                }
                if (!JobSources.contains("case \"" + name + "\":")) {
                    unknown.add(guide.getFileName() + ": " + name);
                } else if ("patterns".equals(name)
                        && !JobSources.contains("\"" + command.group(2) + "\"")) {
                    unknown.add(guide.getFileName() + ": patterns " + command.group(2));
                }
            }
        }
        assertThat(unknown).isEmpty();
    }

    @Test
    void everyClassTheGuidesNameExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path guide : guides()) {
            Matcher name = CLASS_NAME.matcher(Files.readString(guide));
            while (name.find()) {
                try {
                    Class.forName(name.group());
                } catch (ClassNotFoundException e) {
                    missing.add(guide.getFileName() + ": " + name.group());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theScanFindsPathsButNotUrlsOrSettings() {
        String text =
                "Apply `deploy/flink/flink-deployment.yaml`, see docs/operations.md and patterns/;"
                        + " not s3://bucket/patterns/v2/, PatternsPrefix=patterns/v1/,"
                        + " /tmp/docs/x.md or kubectl logs deploy/trailwatch.";

        assertThat(paths(text))
                .containsExactly(
                        "deploy/flink/flink-deployment.yaml", "docs/operations.md", "patterns/");
        assertThat(exists("deploy/flink/no-such-file.yaml")).isFalse();
    }

    private static List<Path> guides() throws IOException {
        Path root = RepositoryFiles.root();
        List<Path> guides = new ArrayList<>();
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(guides::add);
        }
        guides.add(root.resolve("deploy/README.md"));
        return guides;
    }

    /**
     * Candidate paths; a trailing dot ends a sentence, and names without a file or slash are
     * skipped.
     */
    static List<String> paths(String text) {
        List<String> paths = new ArrayList<>();
        Matcher matcher = PATH.matcher(text);
        while (matcher.find()) {
            String path = matcher.group(1).replaceAll("\\.+$", "");
            String last = path.substring(path.lastIndexOf('/') + 1);
            if (path.endsWith("/") || last.contains(".")) {
                paths.add(path);
            }
        }
        return paths;
    }

    static boolean exists(String path) {
        return BUILD_OUTPUTS.contains(path) || Files.exists(RepositoryFiles.root().resolve(path));
    }
}
