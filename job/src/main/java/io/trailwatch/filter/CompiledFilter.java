package io.trailwatch.filter;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A compiled CloudWatch Logs JSON filter pattern. Immutable, serializable, safe to share between
 * threads; matching reads the record's flattened entries and does not allocate.
 */
public final class CompiledFilter implements Condition {

    private static final long serialVersionUID = 1L;

    private final String text;
    private final Condition condition;
    private final Set<String> selectors;
    private final Set<String> selectorPaths;

    CompiledFilter(
            String text, Condition condition, Set<String> selectors, Set<String> selectorPaths) {
        this.text = text;
        this.condition = condition;
        this.selectors = Collections.unmodifiableSet(new LinkedHashSet<>(selectors));
        this.selectorPaths = Collections.unmodifiableSet(new LinkedHashSet<>(selectorPaths));
    }

    @Override
    public boolean matches(CloudTrailRecord record) {
        return condition.matches(record);
    }

    @Override
    public Set<String> requiredValues(String path) {
        return condition.requiredValues(path);
    }

    /** The pattern as written. */
    public String text() {
        return text;
    }

    /**
     * The selectors the pattern reads, in canonical {@code $.} form and order of appearance ({@code
     * $.eventName}, {@code $.userIdentity.type}, {@code $.arrayKey[*]}).
     */
    public Set<String> selectors() {
        return selectors;
    }

    /**
     * The same selectors as the record's flat paths ({@code eventName}, {@code userIdentity.type},
     * {@code arrayKey[*]}); a wildcard stays {@code *}.
     */
    public Set<String> selectorPaths() {
        return selectorPaths;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompiledFilter && ((CompiledFilter) o).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
