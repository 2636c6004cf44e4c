package io.trailwatch.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository that tests read: the bundled pattern pack and the test datasets. */
public final class RepositoryFiles {

    private RepositoryFiles() {}

    public static Path root() {
        String configured = System.getProperty("trailwatch.repo.root");
        Path root = configured != null ? Path.of(configured) : Path.of("..");
        if (!Files.isDirectory(root.resolve("patterns"))) {
            throw new IllegalStateException(
                    "cannot find the repository root (set -Dtrailwatch.repo.root): " + root);
        }
        return root.toAbsolutePath().normalize();
    }

    public static Path patterns() {
        return root().resolve("patterns");
    }

    public static Path dataset(String name) {
        return root().resolve("job/src/test/resources/datasets").resolve(name);
    }
}
