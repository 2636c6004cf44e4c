package io.trailwatch.pattern;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Loads pattern files (DESIGN §5) into a validated {@link PatternSet}: one {@code .yaml}/{@code
 * .yml} file, a directory of them (recursively, in sorted order), a classpath resource directory,
 * or a stream. The set is rejected as a whole if anything is wrong, with every problem found.
 */
public final class PatternLoader {

    private PatternLoader() {}

    /**
     * Loads a pattern file, or every {@code .yaml}/{@code .yml} file under a directory.
     *
     * @throws PatternValidationException naming each problem's file and line
     */
    public static PatternSet load(Path path) throws PatternValidationException {
        List<Problem> problems = new ArrayList<>();
        List<Path> files = patternFiles(path, problems);
        List<YamlFile> parsed = new ArrayList<>();
        for (Path file : files) {
            String text = readText(file, problems);
            if (text != null) {
                parsed.add(new YamlFile(file, text));
            }
        }
        return validate(parsed, problems);
    }

    /**
     * Loads the pattern files under a classpath resource directory, such as the {@code patterns/}
     * bundled in the jar.
     */
    public static PatternSet loadResource(String directory, ClassLoader classLoader)
            throws PatternValidationException {
        URL url = classLoader.getResource(directory);
        if (url == null) {
            throw new PatternValidationException(
                    List.of(
                            new Problem(
                                    new SourceLocation("classpath:" + directory, 0),
                                    "no such resource directory on the classpath")));
        }
        URI uri;
        try {
            uri = url.toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("class loader gave an invalid URL " + url, e);
        }
        if (!"jar".equals(uri.getScheme())) {
            return load(Path.of(uri));
        }
        try (FileSystem jar = openJar(uri)) {
            return load(jar.getPath(directory));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + uri, e);
        }
    }

    /**
     * Loads the patterns of one YAML stream. {@code name} is the file name messages use, and the
     * path that {@code tests[].file} entries are resolved against.
     */
    public static PatternSet load(InputStream yaml, String name) throws PatternValidationException {
        List<Problem> problems = new ArrayList<>();
        List<YamlFile> parsed = new ArrayList<>();
        try {
            String text =
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .decode(ByteBuffer.wrap(yaml.readAllBytes()))
                            .toString();
            parsed.add(new YamlFile(Path.of(name), text));
        } catch (CharacterCodingException e) {
            problems.add(notUtf8(name));
        } catch (IOException e) {
            problems.add(new Problem(new SourceLocation(name, 0), "cannot read: " + e));
        }
        return validate(parsed, problems);
    }

    private static PatternSet validate(List<YamlFile> files, List<Problem> problems)
            throws PatternValidationException {
        List<PatternDefinition> patterns = new ArrayList<>();
        Map<String, SourceLocation> firstById = new HashMap<>();
        for (YamlFile file : files) {
            String name = file.path().toString();
            for (YamlDocument document : YamlDocumentReader.read(file.text(), name, problems)) {
                checkUniqueId(document, firstById, problems);
                PatternDefinition pattern =
                        PatternValidator.validate(document, file.path(), problems);
                if (pattern != null) {
                    patterns.add(pattern);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PatternValidationException(problems);
        }
        return new PatternSet(patterns);
    }

    /** Names both places on a duplicate, whether or not either document is otherwise valid. */
    private static void checkUniqueId(
            YamlDocument document, Map<String, SourceLocation> firstById, List<Problem> problems) {
        JsonNode id = document.root().path("id");
        if (!id.isTextual()) {
            return;
        }
        SourceLocation here = document.locate("/id");
        SourceLocation first = firstById.putIfAbsent(id.asText(), here);
        if (first != null) {
            problems.add(
                    new Problem(
                            here,
                            "id \""
                                    + id.asText()
                                    + "\" is already used at "
                                    + first
                                    + "; pattern ids must be unique in the set, rename one"));
        }
    }

    private static List<Path> patternFiles(Path path, List<Problem> problems) {
        if (!Files.exists(path)) {
            problems.add(
                    new Problem(
                            new SourceLocation(path.toString(), 0), "no such file or directory"));
            return List.of();
        }
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(path)) {
            files =
                    walk.filter(Files::isRegularFile)
                            .filter(PatternLoader::isYaml)
                            .sorted(Comparator.comparing(Path::toString))
                            .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Problem(new SourceLocation(path.toString(), 0), "cannot list: " + e));
            return List.of();
        }
        if (files.isEmpty()) {
            problems.add(
                    new Problem(
                            new SourceLocation(path.toString(), 0),
                            "holds no pattern files; they end in .yaml or .yml"));
        }
        return files;
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String readText(Path file, List<Problem> problems) {
        try {
            return Files.readString(file);
        } catch (CharacterCodingException e) {
            problems.add(notUtf8(file.toString()));
        } catch (IOException e) {
            problems.add(new Problem(new SourceLocation(file.toString(), 0), "cannot read: " + e));
        }
        return null;
    }

    private static Problem notUtf8(String name) {
        return new Problem(new SourceLocation(name, 0), "is not UTF-8 text; save it as UTF-8");
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            // Someone else holds it open; closing our handle would close theirs, so use a copy.
            String jarPath = uri.getSchemeSpecificPart();
            return FileSystems.newFileSystem(
                    Path.of(URI.create(jarPath.substring(0, jarPath.indexOf("!/")))));
        }
    }

    private record YamlFile(Path path, String text) {}
}
