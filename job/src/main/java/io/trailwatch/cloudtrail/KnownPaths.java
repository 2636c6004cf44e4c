package io.trailwatch.cloudtrail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fixed list of common CloudTrail entry paths that {@link CloudTrailRecordSerializer} writes as
 * small numbers instead of strings, and one shared {@link String} per path read back, so that a
 * record that crossed a shuffle hashes its paths as cheaply as a freshly parsed one.
 *
 * <p>The list is {@value #RESOURCE}; its order is part of the serialized format and never changes.
 */
final class KnownPaths {

    static final String RESOURCE = "known-paths-v1.txt";

    /** Code of a path that is not in the list: the path follows as text. */
    static final int NOT_KNOWN = 0;

    /** Bound on the paths outside the list kept as shared instances; beyond it, no sharing. */
    private static final int MAX_SHARED_UNKNOWN = 20_000;

    private static final KnownPaths V1 = load(RESOURCE);

    private final String[] byCode;
    private final Map<String, Integer> codes;
    private final Map<String, String> sharedUnknown = new ConcurrentHashMap<>();

    private KnownPaths(List<String> paths) {
        byCode = new String[paths.size() + 1];
        codes = new HashMap<>(paths.size() * 2);
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i).intern();
            byCode[i + 1] = path;
            if (codes.putIfAbsent(path, i + 1) != null) {
                throw new IllegalStateException(RESOURCE + " lists " + path + " twice");
            }
        }
    }

    static KnownPaths v1() {
        return V1;
    }

    /** The path's code, or {@link #NOT_KNOWN}. */
    int codeOf(String path) {
        Integer code = codes.get(path);
        return code == null ? NOT_KNOWN : code;
    }

    /** The path of a code written by {@link #codeOf}; null if no path has that code. */
    String pathOf(int code) {
        return code > 0 && code < byCode.length ? byCode[code] : null;
    }

    int size() {
        return byCode.length - 1;
    }

    /** One instance per distinct unknown path, up to a bound, so its hash is computed once. */
    String share(String path) {
        String shared = sharedUnknown.get(path);
        if (shared != null) {
            return shared;
        }
        if (sharedUnknown.size() >= MAX_SHARED_UNKNOWN) {
            return path;
        }
        shared = sharedUnknown.putIfAbsent(path, path);
        return shared == null ? path : shared;
    }

    private static KnownPaths load(String resource) {
        try (InputStream in = KnownPaths.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in the jar");
            }
            BufferedReader reader =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> paths = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    paths.add(line);
                }
            }
            return new KnownPaths(paths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
