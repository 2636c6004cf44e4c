package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.FilterPattern;
import io.trailwatch.filter.FilterSyntaxException;
import java.io.Serializable;
import java.util.List;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The group of a windowed pattern ({@code groupBy}) as a plain {@code String} key, so that keyed
 * state needs no Kryo. Each value is written length-prefixed ({@code 5:alice}) and a missing value
 * as {@code -}, so no two groups share a key whatever characters the values hold, and the group
 * whose value is null stays apart from the group whose value is the text {@code "null"}.
 */
public final class GroupKey implements KeySelector<CloudTrailRecord, String>, Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> selectors;
    private final String[] paths;

    /**
     * @param selectors {@code groupBy} selectors in filter form ({@code $.recipientAccountId})
     */
    public GroupKey(List<String> selectors) {
        this.selectors = List.copyOf(selectors);
        this.paths = new String[selectors.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = recordPath(selectors.get(i));
        }
    }

    /** The selectors, as the alert's {@code group} names them. */
    public List<String> selectors() {
        return selectors;
    }

    /** The record's values for the selectors; an element is null where the record has none. */
    public String[] values(CloudTrailRecord record) {
        String[] values = new String[paths.length];
        for (int i = 0; i < paths.length; i++) {
            values[i] = record.get(paths[i]);
        }
        return values;
    }

    @Override
    public String getKey(CloudTrailRecord record) {
        return encode(values(record));
    }

    /** The key for group values, as {@link #getKey} builds it. */
    public static String encode(String[] values) {
        StringBuilder key = new StringBuilder();
        for (String value : values) {
            if (value == null) {
                key.append('-');
            } else {
                key.append(value.length()).append(':').append(value);
            }
        }
        return key.toString();
    }

    /**
     * {@code $.userIdentity.userName} → {@code userIdentity.userName}, the record's path form.
     *
     * @throws IllegalArgumentException naming the selector if it is not a plain field selector
     */
    static String recordPath(String selector) {
        try {
            return FilterPattern.flatPath(selector);
        } catch (FilterSyntaxException e) {
            throw new IllegalArgumentException(
                    "field selector '"
                            + selector
                            + "' is not a selector such as $.eventName: "
                            + e.getMessage(),
                    e);
        }
    }
}
