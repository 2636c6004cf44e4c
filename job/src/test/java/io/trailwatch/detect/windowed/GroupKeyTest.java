package io.trailwatch.detect.windowed;

import static org.assertj.core.api.Assertions.assertThat;

import io.trailwatch.cloudtrail.CloudTrailRecord;
import io.trailwatch.cloudtrail.FieldKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.java.tuple.Tuple2;
import org.junit.jupiter.api.Test;

/** Groups become fixed-length keys: one key per group, and no two groups share one. */
class GroupKeyTest {

    private final GroupKey byUserAndAgent =
            new GroupKey(List.of("$.userIdentity.arn", "$.userAgent"));

    @Test
    void recordsOfOneGroupShareTheirKey() {
        CloudTrailRecord first = record("arn:aws:iam::1:user/alice", "aws-cli/2.15", "e1");
        CloudTrailRecord second = record("arn:aws:iam::1:user/alice", "aws-cli/2.15", "e2");

        assertThat(byUserAndAgent.getKey(first)).isEqualTo(byUserAndAgent.getKey(second));
    }

    @Test
    void groupsThatDifferInAnyValueHaveDifferentKeys() {
        Tuple2<Long, Long> alice = key("arn:aws:iam::1:user/alice", "aws-cli/2.15");

        assertThat(key("arn:aws:iam::1:user/bob", "aws-cli/2.15")).isNotEqualTo(alice);
        assertThat(key("arn:aws:iam::1:user/alice", "aws-cli/2.16")).isNotEqualTo(alice);
    }

    @Test
    void valuesDoNotRunIntoEachOther() {
        assertThat(key("ab", "c")).isNotEqualTo(key("a", "bc"));
        assertThat(key(null, "x")).isNotEqualTo(key("null", "x"));
        assertThat(key(null, "x")).isNotEqualTo(key("-", "x"));
        assertThat(key("", "x")).isNotEqualTo(key(null, "x"));
    }

    @Test
    void theKeyIsSixteenBytesSoBatchSortsCompareItAsAFixedLengthKey() {
        assertThat(GroupKey.TYPE.createSerializer(new SerializerConfigImpl()).getLength())
                .isEqualTo(16);
    }

    @Test
    void theKeyIsTheDigestOfTheEncodedValues() {
        String[] values = {"arn:aws:iam::1:user/alice", null};
        CloudTrailRecord record = record(values[0], null, "e1");

        assertThat(GroupKey.encode(values)).isEqualTo("25:arn:aws:iam::1:user/alice-");
        assertThat(byUserAndAgent.getKey(record))
                .isEqualTo(GroupKey.digest(GroupKey.encode(values)));
    }

    @Test
    void aGroupKeepsItsKeyAfterManyOthers() {
        Tuple2<Long, Long> alice = key("arn:aws:iam::1:user/alice", "aws-cli/2.15");
        Set<Tuple2<Long, Long>> others = new HashSet<>();
        for (int i = 0; i < GroupKey.MAX_REMEMBERED + 100; i++) {
            others.add(key("arn:aws:iam::1:user/u" + i, "aws-cli/2.15"));
        }

        assertThat(key("arn:aws:iam::1:user/alice", "aws-cli/2.15")).isEqualTo(alice);
        assertThat(others).hasSize(GroupKey.MAX_REMEMBERED + 100).doesNotContain(alice);
    }

    private Tuple2<Long, Long> key(String arn, String agent) {
        return byUserAndAgent.getKey(record(arn, agent, "e"));
    }

    private static CloudTrailRecord record(String arn, String agent, String eventId) {
        CloudTrailRecord.Builder builder = CloudTrailRecord.builder();
        builder.add("eventID", FieldKind.STRING, eventId);
        builder.add("eventTime", FieldKind.STRING, "2024-05-01T00:00:00Z");
        if (arn != null) {
            builder.add("userIdentity.arn", FieldKind.STRING, arn);
        }
        if (agent != null) {
            builder.add("userAgent", FieldKind.STRING, agent);
        }
        return builder.build("test");
    }
}
