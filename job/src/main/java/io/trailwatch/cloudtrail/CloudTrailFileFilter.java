package io.trailwatch.cloudtrail;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.flink.core.fs.Path;

/**
 * Which files of a directory tree to read: directories, files named on the command line whatever
 * their names, and, inside directories, files whose names look like CloudTrail logs. A LICENSE or
 * README beside the logs is not a broken log file. Hidden files ({@code .x}, {@code _x}) are
 * skipped, as Flink's default filter does.
 */
final class CloudTrailFileFilter implements Predicate<Path>, Serializable {

    private static final long serialVersionUID = 1L;

    static final Set<String> LOG_SUFFIXES =
            Set.of(".json", ".json.gz", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz");

    private final Set<Path> namedPaths;

    CloudTrailFileFilter(Set<Path> namedPaths) {
        this.namedPaths = Set.copyOf(namedPaths);
    }

    @Override
    public boolean test(Path path) {
        if (namedPaths.contains(path)) {
            return true;
        }
        String name = path.getName();
        if (name.startsWith(".") || name.startsWith("_")) {
            return false;
        }
        return looksLikeLog(name) || isDirectory(path); // by name first: no file system call
    }

    static boolean looksLikeLog(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : LOG_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDirectory(Path path) {
        try {
            return path.getFileSystem().getFileStatus(path).isDir();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
