package io.trailwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The pattern pack and sample logs bundled in the jar, so {@code detect} runs with no arguments.
 * They are copied to a temporary directory because Flink's file source reads file systems, not
 * class paths.
 */
final class BundledResources {

    static final String PATTERNS = "patterns";
    static final String SAMPLES = "samples";

    private BundledResources() {}

    /** Copies the bundled folder {@code name} to a new temporary directory and returns it. */
    static Path extract(String name) throws IOException {
        Path target = Files.createTempDirectory("trailwatch-" + name + "-");
        target.toFile().deleteOnExit();
        Path codeSource = codeSource();
        if (Files.isDirectory(codeSource)) {
            Path folder = codeSource.resolve(name);
            if (!Files.isDirectory(folder)) {
                throw new IOException("no bundled " + name + " in " + codeSource);
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = target.resolve(folder.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return target;
        }
        try (JarFile jar = new JarFile(codeSource.toFile())) {
            String prefix = name + "/";
            boolean found = false;
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.getName().startsWith(prefix) || entry.isDirectory()) {
                    continue;
                }
                found = true;
                Path copy = target.resolve(entry.getName().substring(prefix.length()));
                Files.createDirectories(copy.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!found) {
                throw new IOException("no bundled " + name + " in " + codeSource);
            }
        }
        return target;
    }

    private static Path codeSource() throws IOException {
        try {
            return Path.of(
                    BundledResources.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the TrailWatch jar", e);
        }
    }
}
