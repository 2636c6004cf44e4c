package io.trailwatch.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Option values as given, before validation, each with where it came from so that a problem can
 * point there. Sources are applied in order of precedence: a later {@link #put} of a key wins.
 */
public final class GivenSettings {

    /** A value and its origin, e.g. {@code config.yaml} or {@code command line}. */
    public record Given(String value, String origin) {}

    private final Map<String, Given> values = new LinkedHashMap<>();

    public GivenSettings put(String key, String value, String origin) {
        values.remove(key);
        values.put(key, new Given(value, origin));
        return this;
    }

    public Map<String, Given> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The key-to-value map Flink's {@code Configuration} is built from. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        values.forEach((key, given) -> map.put(key, given.value()));
        return map;
    }
}
