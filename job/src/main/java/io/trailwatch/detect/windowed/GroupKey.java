package io.trailwatch.detect.windowed;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.filter.FilterPattern;
import io.trailwatch.filter.FilterSyntaxException;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.api.java.tuple.Tuple2;

/**
 * The group of a windowed pattern ({@code groupBy}) as a key of fixed length: the first 128 bits of
 * the SHA-256 of the group's {@linkplain #encode encoded values}, as two longs.
 *
 * <p>Why a digest and not the values: batch execution sorts every keyed input by its serialized
 * key, and Flink compares keys of variable length byte by byte. Group values share long prefixes
 * ({@code arn:aws:iam::…}) and are often long (a user agent), so comparing them took nearly a third
 * of {@code detect}'s CPU; a fixed-length key is compared in a few machine words. In streaming
 * execution it also keeps RocksDB keys short. Why SHA-256: {@code userAgent} and request parameters
 * are chosen by whoever calls AWS, so the key must resist made-up collisions: two groups that
 * shared a key would share windows and partial sequences. Choosing values whose key equals a given
 * group's takes about 2^128 hashes. Alerts carry the values, never the digest.
 *
 * <p>The encoding writes each value length-prefixed ({@code 5:alice}) and a missing value as {@code
 * -}, so no two groups share an encoding whatever characters the values hold, and the group whose
 * value is null stays apart from the group whose value is the text {@code "null"}.
 */
public final class GroupKey
        implements KeySelector<CloudTrailRecord, Tuple2<Long, Long>>, Serializable {

    private static final long serialVersionUID = 2L;

    /** The key's type: fixed length (16 bytes), so batch sorts compare it without decoding. */
    public static final TypeInformation<Tuple2<Long, Long>> TYPE =
            Types.TUPLE(Types.LONG, Types.LONG);

    private static final ThreadLocal<MessageDigest> SHA_256 =
            ThreadLocal.withInitial(GroupKey::sha256);

    /** Digests remembered per thread, at most this many; the set is dropped when full. */
    static final int MAX_REMEMBERED = 8_192;

    /**
     * Recent groups' digests. A few hundred principals make most of an account's events, and a
     * record's key is taken up to three times (partitioner, batch sort, operator), so most keys are
     * a lookup here instead of a SHA-256.
     */
    private static final ThreadLocal<Map<String, Tuple2<Long, Long>>> REMEMBERED =
            ThreadLocal.withInitial(HashMap::new);

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
    public Tuple2<Long, Long> getKey(CloudTrailRecord record) {
        return digest(encode(values(record)));
    }

    /** The key of a group with this {@linkplain #encode encoding}. */
    static Tuple2<Long, Long> digest(String encodedGroup) {
        Map<String, Tuple2<Long, Long>> remembered = REMEMBERED.get();
        Tuple2<Long, Long> key = remembered.get(encodedGroup);
        if (key == null) {
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            key = sha256Prefix(encodedGroup);
            remembered.put(encodedGroup, key);
        }
        return key;
    }

    private static Tuple2<Long, Long> sha256Prefix(String encodedGroup) {
        MessageDigest sha256 = SHA_256.get();
        ByteBuffer hash =
                ByteBuffer.wrap(sha256.digest(encodedGroup.getBytes(StandardCharsets.UTF_8)));
        return Tuple2.of(hash.getLong(), hash.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Group values as one unambiguous string, what {@link #getKey} digests. */
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
