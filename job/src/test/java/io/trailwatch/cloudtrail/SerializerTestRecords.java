package io.trailwatch.cloudtrail;

import java.util.ArrayList;
import java.util.List;

/** Records that reach every branch of the serialized formats. */
final class SerializerTestRecords {

    private SerializerTestRecords() {}

    static List<CloudTrailRecord> varied() {
        List<CloudTrailRecord> records = new ArrayList<>();
        records.add(RecordFlattener.flatten(LogFiles.record("ascii-only")));
        records.add(
                RecordFlattener.flatten(
                        LogFiles.record(
                                "not-ascii",
                                "2023-07-10T11:45:00Z",
                                "\"requestParameters\":{\"userName\":\"Zoë Ωmega 名前 \uD83D\uDE00\"}")));
        records.add(
                CloudTrailRecord.builder()
                        .add("eventTime", FieldKind.STRING, "2023-07-10T11:45:00Z")
                        .add("unpairedSurrogate", FieldKind.STRING, "a\uD800b")
                        .add("nul", FieldKind.STRING, "\u0000")
                        .add("empty", FieldKind.STRING, "")
                        .add("responseElements", FieldKind.NULL, null)
                        .add("a path no list knows.x[0]", FieldKind.ARRAY, null)
                        .add("a path no list knows.x[0][0]", FieldKind.NUMBER, "-1.5e300")
                        .add("readOnly", FieldKind.TRUE, "true")
                        .add("managementEvent", FieldKind.FALSE, "false")
                        .build("s3://bucket/AWSLogs/key.json.gz", Long.MAX_VALUE));
        records.add(CloudTrailRecord.builder().build("", -1));
        records.add(
                CloudTrailRecord.builder()
                        .add("eventTime", FieldKind.STRING, "not a time")
                        .add("long", FieldKind.STRING, "x".repeat(70_000))
                        .build(null, 0));
        return records;
    }
}
